package org.virtd.qemu.qmp;

/**
 * A JSON value as QMP exchanges it (libvirt's {@code virJSONValue}): object, array, string,
 * number, boolean or null. Immutable. {@link #toJson()} gives the compact form libvirt sends and
 * returns from {@code qemu-monitor-command} (no blanks between tokens); {@link JsonParser} reads
 * values back with bounded nesting.
 */
public sealed interface JsonValue permits JsonObject, JsonArray, JsonString, JsonNumber, JsonBoolean, JsonNull {

    /** Compact serialisation. */
    default String toJson() {
        StringBuilder out = new StringBuilder();
        appendTo(out);
        return out.toString();
    }

    /** Appends the compact serialisation. */
    void appendTo(StringBuilder out);

    static JsonValue of(String s) {
        return s == null ? JsonNull.NULL : new JsonString(s);
    }

    static JsonValue of(long n) {
        return JsonNumber.of(n);
    }

    static JsonValue of(boolean b) {
        return JsonBoolean.of(b);
    }
}
