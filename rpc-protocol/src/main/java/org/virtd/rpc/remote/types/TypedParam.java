package org.virtd.rpc.remote.types;

import io.netty.buffer.ByteBuf;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;
import org.virtd.rpc.xdr.XdrDecodeException;

import java.util.List;
import java.util.Objects;

/**
 * {@code remote_typed_param} (and the identical {@code admin_typed_param}): a named value whose
 * type is the discriminant of an XDR union (wire-protocol.md §4, {@code VIR_TYPED_PARAM_*}).
 *
 * <pre>
 *  field: string | type: int | value: int / uint / hyper / uhyper / double / int(0|1) / string
 * </pre>
 *
 * <p>Decoding is lenient where libvirt's is: a BOOLEAN arm holding any non-zero word is true.
 * An undefined type has no arm to read, so it fails to decode, as rpcgen's union filter does.
 * The value is an {@link Integer} (INT, UINT), {@link Long} (LLONG, ULLONG), {@link Double},
 * {@link Boolean} or {@link String}.
 */
public record TypedParam(String field, Type type, Object value) {

    /** {@code VIR_TYPED_PARAM_*}: the union discriminant. */
    public enum Type {
        INT(1), UINT(2), LLONG(3), ULLONG(4), DOUBLE(5), BOOLEAN(6), STRING(7);

        public final int wire;

        Type(int wire) {
            this.wire = wire;
        }

        /** libvirt's lower-case type name, as its "invalid type" messages print it. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Type fromWire(int wire) {
            return wire >= 1 && wire <= 7 ? values()[wire - 1] : null;
        }
    }

    public TypedParam {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    public static TypedParam ofInt(String field, int v) {
        return new TypedParam(field, Type.INT, v);
    }

    public static TypedParam ofUInt(String field, int v) {
        return new TypedParam(field, Type.UINT, v);
    }

    public static TypedParam ofLLong(String field, long v) {
        return new TypedParam(field, Type.LLONG, v);
    }

    public static TypedParam ofULLong(String field, long v) {
        return new TypedParam(field, Type.ULLONG, v);
    }

    public static TypedParam ofDouble(String field, double v) {
        return new TypedParam(field, Type.DOUBLE, v);
    }

    public static TypedParam ofBoolean(String field, boolean v) {
        return new TypedParam(field, Type.BOOLEAN, v);
    }

    public static TypedParam ofString(String field, String v) {
        return new TypedParam(field, Type.STRING, v);
    }

    /** The value as a Java int (INT, UINT, BOOLEAN); a ClassCastException names a misuse. */
    public int intValue() {
        return value instanceof Boolean b ? (b ? 1 : 0) : (Integer) value;
    }

    /** The value widened to long (any integral type; UINT zero-extended). */
    public long longValue() {
        if (type == Type.UINT) {
            return ((Integer) value) & 0xffffffffL;
        }
        return value instanceof Long l ? l : intValue();
    }

    public String stringValue() {
        return (String) value;
    }

    public static final XdrCodec<TypedParam> CODEC = new XdrCodec<>() {
        @Override
        public TypedParam decode(ByteBuf in) {
            String field = Xdr.STRING.decode(in);
            int wire = Xdr.INT.decode(in);
            Type type = Type.fromWire(wire);
            if (type == null) {
                throw new XdrDecodeException("typed parameter '" + field + "' has undefined type " + wire);
            }
            Object value = switch (type) {
                case INT, UINT -> Xdr.INT.decode(in);
                case LLONG, ULLONG -> Xdr.HYPER.decode(in);
                case DOUBLE -> Xdr.DOUBLE.decode(in);
                case BOOLEAN -> Xdr.INT.decode(in) != 0;
                case STRING -> Xdr.STRING.decode(in);
            };
            return new TypedParam(field, type, value);
        }

        @Override
        public void encode(ByteBuf out, TypedParam p) {
            Xdr.STRING.encode(out, p.field);
            out.writeInt(p.type.wire);
            switch (p.type) {
                case INT, UINT -> Xdr.INT.encode(out, (Integer) p.value);
                case LLONG, ULLONG -> Xdr.HYPER.encode(out, (Long) p.value);
                case DOUBLE -> Xdr.DOUBLE.encode(out, (Double) p.value);
                case BOOLEAN -> out.writeInt((Boolean) p.value ? 1 : 0);
                case STRING -> Xdr.STRING.encode(out, (String) p.value);
                default -> throw new IllegalStateException();
            }
        }

        @Override
        public int minSize() {
            return 12;
        }
    };

    /** {@code remote_typed_param params<max>}. */
    public static XdrCodec<List<TypedParam>> list(int max) {
        return Xdr.array(CODEC, max);
    }
}
