package org.virtd.rpc.message;

/** The header's status word: OK, ERROR, and CONTINUE for stream data (wire-protocol.md §1). */
public enum MessageStatus {
    OK(0),
    ERROR(1),
    CONTINUE(2);

    private static final MessageStatus[] BY_WIRE = values();

    public final int wire;

    MessageStatus(int wire) {
        this.wire = wire;
    }

    /** The status for a wire value, or null for one libvirt does not define. */
    public static MessageStatus fromWire(int wire) {
        return wire >= 0 && wire < BY_WIRE.length ? BY_WIRE[wire] : null;
    }
}
