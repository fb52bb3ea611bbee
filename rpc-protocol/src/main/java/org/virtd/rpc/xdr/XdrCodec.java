package org.virtd.rpc.xdr;

import io.netty.buffer.ByteBuf;

/**
 * One XDR type (RFC 4506 as rpcgen applies it to libvirt's .x files), able to go both ways.
 * A single declaration serves the daemon's decoder, its encoder, our test client and the proxy,
 * so there are never twin hand-written read and write routines for a message.
 *
 * <p>Decoding reads from the buffer's reader index and throws {@link XdrDecodeException} for
 * anything truncated or over its declared maximum; encoding appends at the writer index.
 */
public interface XdrCodec<T> {

    T decode(ByteBuf in);

    void encode(ByteBuf out, T value);

    /** Smallest number of bytes one encoded value occupies; lets arrays reject absurd counts early. */
    default int minSize() {
        return 4;
    }

    /** A codec for the same wire form presented as another Java type. */
    default <U> XdrCodec<U> map(java.util.function.Function<T, U> in, java.util.function.Function<U, T> out) {
        XdrCodec<T> self = this;
        return new XdrCodec<>() {
            @Override
            public U decode(ByteBuf buf) {
                return in.apply(self.decode(buf));
            }

            @Override
            public void encode(ByteBuf buf, U value) {
                self.encode(buf, out.apply(value));
            }

            @Override
            public int minSize() {
                return self.minSize();
            }
        };
    }
}
