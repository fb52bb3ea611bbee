package org.virtd.core.dbus;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads values in the D-Bus wire format by type signature, aligned from the start of the buffer.
 * Values come back as {@code y} Byte, {@code b} Boolean, {@code n} Short, {@code q i} Integer,
 * {@code u x t} Long, {@code d} Double, {@code s o g} String, {@code ay} byte[], a dict array a
 * Map, other arrays and structs Lists, {@code v} a {@link Variant}. Malformed data fails with
 * {@link IllegalArgumentException}.
 */
public final class Unmarshaller {
    /** Deeper nesting than this is refused, as the specification limits it. */
    private static final int MAX_DEPTH = 64;
    private final ByteBuffer in;

    public Unmarshaller(byte[] data, ByteOrder order) {
        this.in = ByteBuffer.wrap(data).order(order);
    }

    public Unmarshaller at(int position) {
        in.position(position);
        return this;
    }

    public int position() {
        return in.position();
    }

    /** The values of each complete type in {@code signature}. */
    public List<Object> read(String signature) {
        List<Object> out = new ArrayList<>();
        for (String type : Signature.split(signature)) {
            out.add(value(type, 0));
        }
        return out;
    }

    private Object value(String type, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("values nested too deeply");
        }
        char c = type.charAt(0);
        align(Signature.alignment(c));
        try {
            return switch (c) {
                case 'y' -> in.get();
                case 'b' -> {
                    int b = in.getInt();
                    if (b != 0 && b != 1) {
                        throw new IllegalArgumentException("boolean " + b);
                    }
                    yield b == 1;
                }
                case 'n' -> in.getShort();
                case 'q' -> in.getShort() & 0xffff;
                case 'i', 'h' -> in.getInt();
                case 'u' -> in.getInt() & 0xffffffffL;
                case 'x', 't' -> in.getLong();
                case 'd' -> in.getDouble();
                case 's', 'o' -> string(in.getInt());
                case 'g' -> string(in.get() & 0xff);
                case 'v' -> {
                    String sig = string(in.get() & 0xff);
                    yield new Variant(sig, value(sig, depth + 1));
                }
                case 'a' -> array(type.substring(1), depth);
                case '(', '{' -> {
                    List<Object> fields = new ArrayList<>();
                    for (String t : Signature.split(type.substring(1, type.length() - 1))) {
                        fields.add(value(t, depth + 1));
                    }
                    yield fields;
                }
                default -> throw new IllegalArgumentException("cannot read type " + type);
            };
        } catch (java.nio.BufferUnderflowException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("message ends inside a value of type " + type, e);
        }
    }

    private Object array(String element, int depth) {
        long n = in.getInt() & 0xffffffffL;
        align(Signature.alignment(element.charAt(0)));
        if (n > in.remaining()) {
            throw new IllegalArgumentException("array of " + n + " bytes beyond the message");
        }
        int end = in.position() + (int) n;
        if (element.equals("y")) {
            byte[] b = new byte[(int) n];
            in.get(b);
            return b;
        }
        if (element.charAt(0) == '{') {
            Map<Object, Object> map = new LinkedHashMap<>();
            while (in.position() < end) {
                List<?> kv = (List<?>) value(element, depth + 1);
                map.put(kv.get(0), kv.get(1));
            }
            return map;
        }
        List<Object> out = new ArrayList<>();
        while (in.position() < end) {
            out.add(value(element, depth + 1));
        }
        return out;
    }

    private String string(int n) {
        if (n < 0 || n >= in.remaining()) {
            throw new IllegalArgumentException("string of " + n + " bytes beyond the message");
        }
        byte[] b = new byte[n];
        in.get(b);
        if (in.get() != 0) {
            throw new IllegalArgumentException("string without its terminating NUL");
        }
        return new String(b, StandardCharsets.UTF_8);
    }

    private void align(int alignment) {
        int p = in.position();
        int pad = (alignment - p % alignment) % alignment;
        if (pad > in.remaining()) {
            throw new IllegalArgumentException("message ends in padding");
        }
        in.position(p + pad);
    }
}
