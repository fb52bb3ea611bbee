package org.virtd.qemu.qmp;

/** Input that is not one well-formed JSON value within the parser's bounds; names the offset. */
public class JsonParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int offset;

    public JsonParseException(String message, int offset) {
        super(message + " at offset " + offset);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
