package org.virtd.rpc.xdr;

import io.netty.buffer.ByteBuf;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.function.Function;

/**
 * The codec of a declared type, looked up on first use from its {@code public static final
 * XdrCodec<T> CODEC} field (the convention every type of the program tables follows, as Android's
 * {@code Parcelable.CREATOR}). The tables name a few hundred types, and initialising one builds
 * its struct codec out of several method references; done for all of them at once, that was the
 * largest cost between a socket-activated daemon's launch and its first reply. Naming the class
 * instead loads it without initialising it, so only the types a client actually uses pay.
 */
final class LazyCodec<B, T> implements XdrCodec<T> {
    private final Class<B> type;
    private final Function<XdrCodec<B>, XdrCodec<T>> wrap;
    /** Racy single-check: resolving twice yields the same immutable codec, published by class init. */
    private XdrCodec<T> codec;

    LazyCodec(Class<B> type, Function<XdrCodec<B>, XdrCodec<T>> wrap) {
        this.type = type;
        this.wrap = wrap;
    }

    XdrCodec<T> codec() {
        XdrCodec<T> c = codec;
        if (c == null) {
            c = wrap.apply(resolve(type));
            codec = c;
        }
        return c;
    }

    @SuppressWarnings("unchecked")
    static <T> XdrCodec<T> resolve(Class<T> type) {
        try {
            Field f = type.getField("CODEC");
            if (!Modifier.isStatic(f.getModifiers()) || !XdrCodec.class.isAssignableFrom(f.getType())) {
                throw new IllegalStateException(type.getName() + ".CODEC is not a static XdrCodec");
            }
            return (XdrCodec<T>) f.get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " declares no public static CODEC", e);
        }
    }

    @Override
    public T decode(ByteBuf in) {
        return codec().decode(in);
    }

    @Override
    public void encode(ByteBuf out, T value) {
        codec().encode(out, value);
    }

    @Override
    public int minSize() {
        return codec().minSize();
    }

    @Override
    public String toString() {
        return "lazy " + type.getSimpleName();
    }
}
