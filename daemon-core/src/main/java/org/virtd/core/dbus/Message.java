package org.virtd.core.dbus;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One D-Bus message: its type, serial, header fields and body, encoded to and decoded from the
 * wire (the fixed 12 bytes, the {@code a(yv)} fields, padding to 8, the body).
 */
public record Message(int type, int flags, long serial, Map<Integer, Object> fields, byte[] body, ByteOrder order) {
    public static final int METHOD_CALL = 1;
    public static final int METHOD_RETURN = 2;
    public static final int ERROR = 3;
    public static final int SIGNAL = 4;

    static final int PATH = 1;
    static final int INTERFACE = 2;
    static final int MEMBER = 3;
    static final int ERROR_NAME = 4;
    static final int REPLY_SERIAL = 5;
    static final int DESTINATION = 6;
    static final int SIGNATURE = 8;

    /** The signature of each header field's value. */
    private static final Map<Integer, String> FIELD_TYPES = Map.of(PATH, "o", INTERFACE, "s", MEMBER, "s",
            ERROR_NAME, "s", REPLY_SERIAL, "u", DESTINATION, "s", 7, "s", SIGNATURE, "g", 9, "u");
    /** The fixed part of the header plus the fields' array length. */
    static final int FIXED_HEADER = 16;
    /** Messages larger than this are refused, as by the specification (128 MiB). */
    static final long MAX_SIZE = 128L * 1024 * 1024;

    /** A method call; {@code signature} empty for no arguments. */
    public static Message call(long serial, String destination, String path, String iface, String member,
                               String signature, List<?> args) {
        Map<Integer, Object> f = new TreeMap<>();
        f.put(PATH, path);
        if (iface != null) {
            f.put(INTERFACE, iface);
        }
        f.put(MEMBER, member);
        if (destination != null) {
            f.put(DESTINATION, destination);
        }
        if (!signature.isEmpty()) {
            f.put(SIGNATURE, signature);
        }
        return new Message(METHOD_CALL, 0, serial, f,
                new Marshaller().write(signature, args).toByteArray(), ByteOrder.LITTLE_ENDIAN);
    }

    public String signature() {
        return (String) fields.getOrDefault(SIGNATURE, "");
    }

    public String errorName() {
        return (String) fields.get(ERROR_NAME);
    }

    public long replySerial() {
        Object o = fields.get(REPLY_SERIAL);
        return o == null ? -1 : ((Number) o).longValue();
    }

    public String member() {
        return (String) fields.get(MEMBER);
    }

    /** The body's values, by the message's signature. */
    public List<Object> arguments() {
        return new Unmarshaller(body, order).read(signature());
    }

    /** The wire bytes of this message (one we made: little endian). */
    public byte[] encode() {
        if (order != ByteOrder.LITTLE_ENDIAN) {
            throw new IllegalStateException("only little-endian messages are written");
        }
        Marshaller m = new Marshaller();
        List<Object> header = new ArrayList<>();
        List<Object> list = new ArrayList<>();
        for (Map.Entry<Integer, Object> e : fields.entrySet()) {
            list.add(List.of((byte) (int) e.getKey(), new Variant(FIELD_TYPES.get(e.getKey()), e.getValue())));
        }
        header.add((byte) 'l');
        header.add((byte) type);
        header.add((byte) flags);
        header.add((byte) 1);
        header.add(body.length);
        header.add(serial);
        header.add(list);
        m.write("yyyyuua(yv)", header);
        m.pad(8);
        m.put(body);
        return m.toByteArray();
    }

    /** The total size of the message whose first {@link #FIXED_HEADER} bytes are {@code head}. */
    static long size(byte[] head) {
        ByteOrder o = order(head[0]);
        Unmarshaller u = new Unmarshaller(head, o).at(4);
        List<Object> v = u.read("uuu");
        long bodyLen = (Long) v.get(0);
        long fieldsLen = (Long) v.get(2);
        long headerLen = (FIXED_HEADER + fieldsLen + 7) / 8 * 8;
        return headerLen + bodyLen;
    }

    /** Decodes one whole message. */
    public static Message decode(byte[] data) {
        ByteOrder o = order(data[0]);
        if (data[3] != 1) {
            throw new IllegalArgumentException("D-Bus protocol version " + data[3]);
        }
        Unmarshaller u = new Unmarshaller(data, o).at(4);
        List<Object> v = u.read("uua(yv)");
        long bodyLen = (Long) v.get(0);
        Map<Integer, Object> f = new TreeMap<>();
        for (Object field : (List<?>) v.get(2)) {
            List<?> kv = (List<?>) field;
            f.put(((Byte) kv.get(0)) & 0xff, ((Variant) kv.get(1)).value());
        }
        int bodyStart = (u.position() + 7) / 8 * 8;
        if (bodyStart + bodyLen != data.length) {
            throw new IllegalArgumentException("message of " + data.length + " bytes, header says "
                    + (bodyStart + bodyLen));
        }
        byte[] body = java.util.Arrays.copyOfRange(data, bodyStart, data.length);
        return new Message(data[1], data[2] & 0xff, (Long) v.get(1), f, body, o);
    }

    private static ByteOrder order(byte b) {
        return switch (b) {
            case 'l' -> ByteOrder.LITTLE_ENDIAN;
            case 'B' -> ByteOrder.BIG_ENDIAN;
            default -> throw new IllegalArgumentException("bad byte order mark " + b);
        };
    }
}
