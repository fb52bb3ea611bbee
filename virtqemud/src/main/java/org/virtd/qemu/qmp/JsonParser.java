package org.virtd.qemu.qmp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Strict RFC 8259 reader for one JSON value (what QEMU sends per line, and what a user passes to
 * {@code qemu-monitor-command}). Bounded: the text length and the nesting depth are checked
 * before any work, so hostile input fails fast with a {@link JsonParseException} instead of
 * exhausting the stack or the heap. Duplicate object keys keep the last value.
 */
public final class JsonParser {
    /** Default bounds: a QMP schema reply is ~200 KB; nothing QEMU sends nests 64 deep. */
    public static final int DEFAULT_MAX_DEPTH = 64;
    public static final int DEFAULT_MAX_LENGTH = 32 << 20;

    private final String text;
    private final int maxDepth;
    private int pos;
    private int depth;

    private JsonParser(String text, int maxDepth) {
        this.text = text;
        this.maxDepth = maxDepth;
    }

    public static JsonValue parse(String text) throws JsonParseException {
        return parse(text, DEFAULT_MAX_DEPTH, DEFAULT_MAX_LENGTH);
    }

    public static JsonValue parse(String text, int maxDepth, int maxLength) throws JsonParseException {
        if (text.length() > maxLength) {
            throw new JsonParseException("document longer than " + maxLength + " characters", maxLength);
        }
        JsonParser p = new JsonParser(text, maxDepth);
        p.skipBlanks();
        JsonValue v = p.value();
        p.skipBlanks();
        if (p.pos != text.length()) {
            throw p.fail("trailing data after the value");
        }
        return v;
    }

    /** Parses and insists on an object (every QMP message is one). */
    public static JsonObject parseObject(String text) throws JsonParseException {
        JsonValue v = parse(text);
        if (v instanceof JsonObject o) {
            return o;
        }
        throw new JsonParseException("expected a JSON object, got " + v.toJson(), 0);
    }

    private JsonValue value() throws JsonParseException {
        if (pos >= text.length()) {
            throw fail("unexpected end of input");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> new JsonString(string());
            case 't' -> literal("true", JsonBoolean.TRUE);
            case 'f' -> literal("false", JsonBoolean.FALSE);
            case 'n' -> literal("null", JsonNull.NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw fail("unexpected character '" + c + "'");
            }
        };
    }

    private JsonObject object() throws JsonParseException {
        enter();
        pos++;
        Map<String, JsonValue> members = new LinkedHashMap<>();
        skipBlanks();
        if (peek() == '}') {
            pos++;
            depth--;
            return new JsonObject(members);
        }
        while (true) {
            skipBlanks();
            if (peek() != '"') {
                throw fail("expected a member name");
            }
            String key = string();
            skipBlanks();
            expect(':');
            skipBlanks();
            members.put(key, value());
            skipBlanks();
            char c = next();
            if (c == '}') {
                depth--;
                return new JsonObject(members);
            }
            if (c != ',') {
                throw fail("expected ',' or '}'");
            }
        }
    }

    private JsonArray array() throws JsonParseException {
        enter();
        pos++;
        List<JsonValue> values = new ArrayList<>();
        skipBlanks();
        if (peek() == ']') {
            pos++;
            depth--;
            return new JsonArray(values);
        }
        while (true) {
            skipBlanks();
            values.add(value());
            skipBlanks();
            char c = next();
            if (c == ']') {
                depth--;
                return new JsonArray(values);
            }
            if (c != ',') {
                throw fail("expected ',' or ']'");
            }
        }
    }

    private void enter() throws JsonParseException {
        if (++depth > maxDepth) {
            throw fail("nesting deeper than " + maxDepth);
        }
    }

    private String string() throws JsonParseException {
        pos++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw fail("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            } else if (c == '\\') {
                escape(out);
            } else if (c < 0x20) {
                throw fail("control character in string");
            } else {
                out.append(c);
            }
        }
    }

    private void escape(StringBuilder out) throws JsonParseException {
        char e = next();
        switch (e) {
            case '"', '\\', '/' -> out.append(e);
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> out.append(hex4());
            default -> throw fail("bad escape '\\" + e + "'");
        }
    }

    private char hex4() throws JsonParseException {
        if (pos + 4 > text.length()) {
            throw fail("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos++), 16);
            if (d < 0) {
                throw fail("bad hex digit in \\u escape");
            }
            v = v * 16 + d;
        }
        return (char) v;
    }

    private JsonNumber number() throws JsonParseException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (!digits()) {
            throw fail("bad number");
        }
        if (peek() == '.') {
            pos++;
            if (!digits()) {
                throw fail("bad fraction");
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!digits()) {
                throw fail("bad exponent");
            }
        }
        return new JsonNumber(text.substring(start, pos));
    }

    private boolean digits() {
        int start = pos;
        while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
            pos++;
        }
        return pos > start;
    }

    private JsonValue literal(String word, JsonValue v) throws JsonParseException {
        if (!text.startsWith(word, pos)) {
            throw fail("bad literal");
        }
        pos += word.length();
        return v;
    }

    private void skipBlanks() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private char next() throws JsonParseException {
        if (pos >= text.length()) {
            throw fail("unexpected end of input");
        }
        return text.charAt(pos++);
    }

    private void expect(char c) throws JsonParseException {
        if (next() != c) {
            pos--;
            throw fail("expected '" + c + "'");
        }
    }

    private JsonParseException fail(String what) {
        return new JsonParseException(what, pos);
    }
}
