package org.virtd.qemu.qmp;

import java.util.Objects;

/** A JSON string; serialised with the escapes JSON requires and UTF-8 text otherwise. */
public record JsonString(String value) implements JsonValue {

    public JsonString {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toJson() {
        StringBuilder out = new StringBuilder(value.length() + 2);
        appendTo(out);
        return out.toString();
    }

    @Override
    public void appendTo(StringBuilder out) {
        quote(value, out);
    }

    static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    // Written out rather than generated: a record's own equals and hashCode bootstrap
    // java.lang.runtime.ObjectMethods on first use, which spins some 40 method-handle classes
    // (and loads the bytecode generator) in every daemon that reads the cached QEMU
    // capabilities (issue 17).
    @Override
    public boolean equals(Object o) {
        return o instanceof JsonString other && value.equals(other.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
