package org.virtd.core.config;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ConfParserTest {

    private static ConfFile parse(String text) throws ConfigException {
        return ConfParser.parse("/etc/libvirt/virtqemud.conf", text);
    }

    private static String error(String text) {
        return assertThrows(ConfigException.class, () -> parse(text)).getMessage();
    }

    @Test
    void readsNumbersStringsAndLists() throws Exception {
        ConfFile f = parse("""
                # comment
                  max_clients=5
                listen_addr = "0.0.0.0" # trailing comment
                tls_port = '16514'; tcp_port = "x\\y"
                access_drivers = [ "none",
                   "polkit", ]
                empty = [ ]
                neg = -3
                """);
        assertEquals(new ConfValue.Number(5, false), f.entry("max_clients").orElseThrow().value());
        assertEquals("0.0.0.0", f.string("listen_addr").orElseThrow());
        assertEquals("16514", f.string("tls_port").orElseThrow());
        assertEquals("x\\y", f.string("tcp_port").orElseThrow());
        assertEquals(List.of("none", "polkit"), f.stringList("access_drivers").orElseThrow());
        assertEquals(List.of(), f.stringList("empty").orElseThrow());
        assertEquals(-3, f.signed("neg").orElseThrow());
        assertEquals(8, f.entry("neg").orElseThrow().line());
    }

    @Test
    void firstAssignmentWins() throws Exception {
        assertEquals(1L, parse("max_clients = 1\nmax_clients = 2\n").unsigned("max_clients").orElseThrow());
    }

    @Test
    void tripleQuotedStringsSpanLinesAndCountThem() throws Exception {
        ConfFile f = parse("log_filters = \"\"\"1:qemu\n3:util\"\"\"\nmax_clients = \"x\"\n");
        assertEquals("1:qemu\n3:util", f.string("log_filters").orElseThrow());
        assertEquals(3, f.entry("max_clients").orElseThrow().line());
    }

    @Test
    void acceptsCrLfAndMissingFinalNewline() throws Exception {
        ConfFile f = parse("a = 1\r\nb = 2");
        assertEquals(2L, f.unsigned("b").orElseThrow());
    }

    @Test
    void syntaxErrorsCarryFileAndLine() {
        String p = "configuration file syntax error: /etc/libvirt/virtqemud.conf:";
        assertEquals(p + "2: expecting an assignment", error("a = 1\nfoo-bar = 1\n"));
        assertEquals(p + "1: expecting a name", error("1foo = 1"));
        assertEquals(p + "1: expecting a separator", error("a = 1 b = 2"));
        assertEquals(p + "1: expecting a separator", error("a = 0x10"));
        assertEquals(p + "1: expecting a separator", error("a = 1.5"));
        assertEquals(p + "1: expecting a value", error("a = [ # no\n ]"));
        assertEquals(p + "1: expecting a value", error("a = "));
        assertEquals(p + "1: unterminated string", error("a = \"abc\n"));
        assertEquals(p + "1: expecting a separator", error("a = \"a\\\"b\""));
        assertEquals(p + "3: list is not closed with ]", error("a = [ \"x\"\n\n"));
        assertEquals(p + "1: expecting a separator in list", error("a = [ \"x\" \"y\" ]"));
        assertEquals(p + "1: unterminated number", error("a = -"));
    }
}
