package org.virtd.rpc.message;

import io.netty.buffer.ByteBuf;

/**
 * The 24-byte packet header (wire-protocol.md §1), kept as raw words so that a header with an
 * undefined type or status can still be answered or dropped as libvirt does.
 *
 * <pre>
 *  0        4        8        12       16       20       24
 *  +--------+--------+--------+--------+--------+--------+
 *  |  prog  |  vers  |  proc  |  type  | serial | status |
 *  +--------+--------+--------+--------+--------+--------+
 * </pre>
 */
public record Header(int program, int version, int procedure, int type, int serial, int status) {

    public static final int SIZE = Limits.HEADER_SIZE;

    public static Header of(int program, int version, int procedure, MessageType type, int serial,
                            MessageStatus status) {
        return new Header(program, version, procedure, type.wire, serial, status.wire);
    }

    /** Reads six words; the caller has checked that 24 bytes are there. */
    public static Header decode(ByteBuf in) {
        return new Header(in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt(), in.readInt());
    }

    /** Reads the header at an absolute offset without moving the reader index. */
    public static Header peek(ByteBuf in, int offset) {
        return new Header(in.getInt(offset), in.getInt(offset + 4), in.getInt(offset + 8),
                in.getInt(offset + 12), in.getInt(offset + 16), in.getInt(offset + 20));
    }

    public void encode(ByteBuf out) {
        out.writeInt(program).writeInt(version).writeInt(procedure)
                .writeInt(type).writeInt(serial).writeInt(status);
    }

    public MessageType messageType() {
        return MessageType.fromWire(type);
    }

    public MessageStatus messageStatus() {
        return MessageStatus.fromWire(status);
    }

    /** The header of the answer to this call: same program, version, procedure and serial. */
    public Header reply(MessageType replyType, MessageStatus replyStatus) {
        return new Header(program, version, procedure, replyType.wire, serial, replyStatus.wire);
    }

    @Override
    public String toString() {
        MessageType t = messageType();
        MessageStatus s = messageStatus();
        return String.format("prog=0x%08x vers=%d proc=%d type=%s serial=%d status=%s",
                program, version, procedure, t != null ? t : type, serial, s != null ? s : status);
    }
}
