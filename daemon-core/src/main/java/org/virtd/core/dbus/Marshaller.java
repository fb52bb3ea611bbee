package org.virtd.core.dbus;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes values in the D-Bus wire format (little endian), each by its type signature, padding to
 * each type's alignment from the start of this buffer. Java values: {@code y n q i u x t} any
 * {@link Number}, {@code b} Boolean, {@code d} Double, {@code s o g} String, {@code ay} byte[]
 * (or a List), other arrays a List (a dict also a Map), structs a List of fields, {@code v} a
 * {@link Variant}.
 */
public final class Marshaller {
    private byte[] buf = new byte[256];
    private int len;

    /** Writes {@code values} as the types of {@code signature}, one value per complete type. */
    public Marshaller write(String signature, List<?> values) {
        List<String> types = Signature.split(signature);
        if (types.size() != values.size()) {
            throw new IllegalArgumentException(types.size() + " types in '" + signature + "' but "
                    + values.size() + " values");
        }
        for (int i = 0; i < types.size(); i++) {
            value(types.get(i), values.get(i));
        }
        return this;
    }

    public byte[] toByteArray() {
        return java.util.Arrays.copyOf(buf, len);
    }

    public int size() {
        return len;
    }

    void pad(int alignment) {
        while (len % alignment != 0) {
            put((byte) 0);
        }
    }

    private void value(String type, Object v) {
        char c = type.charAt(0);
        pad(Signature.alignment(c));
        switch (c) {
            case 'y' -> put(((Number) v).byteValue());
            case 'b' -> int32(((Boolean) v) ? 1 : 0);
            case 'n', 'q' -> int16(((Number) v).intValue());
            case 'i', 'u', 'h' -> int32(((Number) v).intValue());
            case 'x', 't' -> int64(((Number) v).longValue());
            case 'd' -> int64(Double.doubleToLongBits((Double) v));
            case 's', 'o' -> {
                byte[] b = ((String) v).getBytes(StandardCharsets.UTF_8);
                int32(b.length);
                put(b);
                put((byte) 0);
            }
            case 'g' -> signature((String) v);
            case 'v' -> {
                Variant var = (Variant) v;
                signature(var.signature());
                value(var.signature(), var.value());
            }
            case 'a' -> array(type.substring(1), v);
            case '(', '{' -> {
                List<?> fields = (List<?>) v;
                List<String> types = Signature.split(type.substring(1, type.length() - 1));
                if (types.size() != fields.size()) {
                    throw new IllegalArgumentException(type + " needs " + types.size() + " fields: " + fields);
                }
                for (int i = 0; i < types.size(); i++) {
                    value(types.get(i), fields.get(i));
                }
            }
            default -> throw new IllegalArgumentException("cannot write type " + type);
        }
    }

    private void array(String element, Object v) {
        int lengthAt = len;
        int32(0);
        pad(Signature.alignment(element.charAt(0)));
        int start = len;
        if (v instanceof byte[] bytes) {
            put(bytes);
        } else if (v instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> e : map.entrySet()) {
                value(element, List.of(e.getKey(), e.getValue()));
            }
        } else {
            for (Object o : (List<?>) v) {
                value(element, o);
            }
        }
        int n = len - start;
        buf[lengthAt] = (byte) n;
        buf[lengthAt + 1] = (byte) (n >> 8);
        buf[lengthAt + 2] = (byte) (n >> 16);
        buf[lengthAt + 3] = (byte) (n >> 24);
    }

    private void signature(String sig) {
        byte[] b = sig.getBytes(StandardCharsets.US_ASCII);
        put((byte) b.length);
        put(b);
        put((byte) 0);
    }

    private void int16(int v) {
        put((byte) v);
        put((byte) (v >> 8));
    }

    private void int32(int v) {
        int16(v);
        int16(v >> 16);
    }

    private void int64(long v) {
        int32((int) v);
        int32((int) (v >> 32));
    }

    private void put(byte b) {
        if (len == buf.length) {
            buf = java.util.Arrays.copyOf(buf, buf.length * 2);
        }
        buf[len++] = b;
    }

    void put(byte[] b) {
        for (byte x : b) {
            put(x);
        }
    }
}
