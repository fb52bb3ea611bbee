package org.virtd.qemu.qmp;

/** JSON {@code true} / {@code false}. */
public enum JsonBoolean implements JsonValue {
    TRUE, FALSE;

    public static JsonBoolean of(boolean b) {
        return b ? TRUE : FALSE;
    }

    public boolean value() {
        return this == TRUE;
    }

    @Override
    public String toJson() {
        return this == TRUE ? "true" : "false";
    }

    @Override
    public void appendTo(StringBuilder out) {
        out.append(toJson());
    }
}
