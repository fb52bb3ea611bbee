package org.virtd.rpc.message;

/** The header's type word (wire-protocol.md §1). */
public enum MessageType {
    CALL(0),
    REPLY(1),
    MESSAGE(2),
    STREAM(3),
    CALL_WITH_FDS(4),
    REPLY_WITH_FDS(5),
    STREAM_HOLE(6);

    private static final MessageType[] BY_WIRE = values();

    public final int wire;

    MessageType(int wire) {
        this.wire = wire;
    }

    /** The type for a wire value, or null for one libvirt does not define. */
    public static MessageType fromWire(int wire) {
        return wire >= 0 && wire < BY_WIRE.length ? BY_WIRE[wire] : null;
    }
}
