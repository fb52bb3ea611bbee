package org.virtd.qemu.qmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsonParserTest {

    @Test
    void roundTripsCompactlyInOrder() throws Exception {
        String in = "{ \"return\" : {\"status\":\"running\",\"singlestep\":false,\"running\":true},"
                + " \"id\":\"libvirt-419\", \"n\": [1, -2.5e3, 0, null, 18446744073709551615] }";
        assertEquals("{\"return\":{\"status\":\"running\",\"singlestep\":false,\"running\":true},"
                + "\"id\":\"libvirt-419\",\"n\":[1,-2.5e3,0,null,18446744073709551615]}", JsonParser.parse(in).toJson());
    }

    @Test
    void decodesAndReencodesEscapes() throws Exception {
        JsonString s = (JsonString) JsonParser.parse("\"a\\\"b\\\\c\\/\\n\\u00e9\\ud83d\\ude00\\u0001\"");
        assertEquals("a\"b\\c/\n\u00e9\ud83d\ude00\u0001", s.value());
        assertEquals("\"a\\\"b\\\\c/\\n\u00e9\ud83d\ude00\\u0001\"", s.toJson());
    }

    @Test
    void typedAccessors() throws Exception {
        JsonObject o = JsonParser.parseObject("{\"a\":5,\"b\":\"x\",\"c\":true,\"d\":{\"e\":[{\"f\":1}]}}");
        assertEquals(5, o.number("a", 0));
        assertEquals("x", o.string("b", null));
        assertTrue(o.bool("c", false));
        assertEquals(1, o.object("d").array("e").objects().get(0).number("f", 0));
        assertEquals(7, o.number("missing", 7));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> o.number("b", 0));
        assertTrue(e.getMessage().contains("'b'"), e.getMessage());
    }

    @Test
    void rejectsMalformedInput() {
        for (String bad : new String[] {"", "{", "{\"a\"}", "{\"a\":1,}", "[1 2]", "01", "1.", "-", "tru",
                "\"abc", "\"\\x\"", "\"\\u12\"", "{} {}", "\"a\nb\"", "{'a':1}", "nul", "[", "garbage"}) {
            assertThrows(JsonParseException.class, () -> JsonParser.parse(bad), bad);
        }
    }

    @Test
    void boundsNestingAndLength() throws Exception {
        String deep = "[".repeat(65) + "]".repeat(65);
        JsonParseException e = assertThrows(JsonParseException.class, () -> JsonParser.parse(deep));
        assertTrue(e.getMessage().contains("nesting deeper than 64"), e.getMessage());
        JsonParser.parse("[".repeat(64) + "]".repeat(64));
        String hostile = "[".repeat(1_000_000);
        assertThrows(JsonParseException.class, () -> JsonParser.parse(hostile));
        assertThrows(JsonParseException.class, () -> JsonParser.parse("\"abcdef\"", 4, 5));
    }

    @Test
    void parseObjectInsistsOnObject() {
        assertThrows(JsonParseException.class, () -> JsonParser.parseObject("[1]"));
    }
}
