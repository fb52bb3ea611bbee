package org.virtd.rpc.xdr;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The XDR primitives and combinators libvirt's protocols are written in.
 *
 * <p>Leniency follows libvirt's rpcgen output: a boolean or optional-data discriminant that is
 * non-zero means true. Strictness follows it too: a length or count above its declared maximum,
 * or past the end of the payload, fails before anything is allocated for it.
 */
public final class Xdr {
    private Xdr() {
    }

    /** libvirt's REMOTE_STRING_MAX; also the admin program's string limit. */
    public static final int STRING_MAX = 4_194_304;

    public static final XdrCodec<Void> VOID = new XdrCodec<>() {
        @Override
        public Void decode(ByteBuf in) {
            return null;
        }

        @Override
        public void encode(ByteBuf out, Void value) {
        }

        @Override
        public int minSize() {
            return 0;
        }
    };

    /** {@code int}, {@code enum}, and rpcgen's widened {@code char}/{@code short}. */
    public static final XdrCodec<Integer> INT = new XdrCodec<>() {
        @Override
        public Integer decode(ByteBuf in) {
            return readInt(in);
        }

        @Override
        public void encode(ByteBuf out, Integer value) {
            out.writeInt(value);
        }
    };

    /** {@code unsigned int}: the same four bytes; the Java int carries the bit pattern. */
    public static final XdrCodec<Integer> UINT = INT;

    /** {@code hyper} and {@code unsigned hyper}: the Java long carries the bit pattern. */
    public static final XdrCodec<Long> HYPER = new XdrCodec<>() {
        @Override
        public Long decode(ByteBuf in) {
            require(in, 8);
            return in.readLong();
        }

        @Override
        public void encode(ByteBuf out, Long value) {
            out.writeLong(value);
        }

        @Override
        public int minSize() {
            return 8;
        }
    };

    public static final XdrCodec<Long> UHYPER = HYPER;

    public static final XdrCodec<Double> DOUBLE = new XdrCodec<>() {
        @Override
        public Double decode(ByteBuf in) {
            require(in, 8);
            return in.readDouble();
        }

        @Override
        public void encode(ByteBuf out, Double value) {
            out.writeDouble(value);
        }

        @Override
        public int minSize() {
            return 8;
        }
    };

    /** XDR {@code bool}; any non-zero word decodes as true, as libvirt's decoder accepts. */
    public static final XdrCodec<Boolean> BOOL = new XdrCodec<>() {
        @Override
        public Boolean decode(ByteBuf in) {
            return readInt(in) != 0;
        }

        @Override
        public void encode(ByteBuf out, Boolean value) {
            out.writeInt(value ? 1 : 0);
        }
    };

    /** {@code remote_nonnull_string}. */
    public static final XdrCodec<String> STRING = string(STRING_MAX);

    /** {@code remote_string}: an optional string, null when absent. */
    public static final XdrCodec<String> OPT_STRING = optional(STRING);

    /** {@code remote_uuid}: sixteen raw bytes. */
    public static final XdrCodec<byte[]> UUID = fixedOpaque(16);

    /**
     * The rest of the payload as raw bytes: the body of a procedure we relay but do not
     * interpret (events of object kinds no daemon of ours raises). Round-trips byte for byte.
     */
    public static final XdrCodec<byte[]> REST = new XdrCodec<>() {
        @Override
        public byte[] decode(ByteBuf in) {
            byte[] bytes = new byte[in.readableBytes()];
            in.readBytes(bytes);
            return bytes;
        }

        @Override
        public void encode(ByteBuf out, byte[] value) {
            out.writeBytes(value);
        }

        @Override
        public int minSize() {
            return 0;
        }
    };

    public static XdrCodec<String> string(int max) {
        return new XdrCodec<>() {
            @Override
            public String decode(ByteBuf in) {
                int len = readLength(in, max, 1, "string");
                String s = in.toString(in.readerIndex(), len, StandardCharsets.UTF_8);
                in.skipBytes(len);
                skipPad(in, len);
                return s;
            }

            @Override
            public void encode(ByteBuf out, String value) {
                int lenAt = out.writerIndex();
                out.writeInt(0);
                int len = ByteBufUtil.writeUtf8(out, value);
                if (len > max) {
                    out.writerIndex(lenAt);
                    throw new XdrEncodeException(null, len, max);
                }
                out.setInt(lenAt, len);
                writePad(out, len);
            }
        };
    }

    /** Variable-length {@code opaque<max>}. */
    public static XdrCodec<byte[]> opaque(int max) {
        return new XdrCodec<>() {
            @Override
            public byte[] decode(ByteBuf in) {
                int len = readLength(in, max, 1, "opaque");
                byte[] bytes = new byte[len];
                in.readBytes(bytes);
                skipPad(in, len);
                return bytes;
            }

            @Override
            public void encode(ByteBuf out, byte[] value) {
                if (value.length > max) {
                    throw new XdrEncodeException(null, value.length, max);
                }
                out.writeInt(value.length);
                out.writeBytes(value);
                writePad(out, value.length);
            }
        };
    }

    /** Fixed-length {@code opaque[n]}: no length word, padded to four bytes. */
    public static XdrCodec<byte[]> fixedOpaque(int n) {
        int padded = (n + 3) & ~3;
        return new XdrCodec<>() {
            @Override
            public byte[] decode(ByteBuf in) {
                require(in, padded);
                byte[] bytes = new byte[n];
                in.readBytes(bytes);
                in.skipBytes(padded - n);
                return bytes;
            }

            @Override
            public void encode(ByteBuf out, byte[] value) {
                if (value.length != n) {
                    throw new IllegalArgumentException("opaque[" + n + "] given " + value.length + " bytes");
                }
                out.writeBytes(value);
                out.writeZero(padded - n);
            }

            @Override
            public int minSize() {
                return padded;
            }
        };
    }

    /** {@code T *p}: absent is null; any non-zero discriminant means present. */
    public static <T> XdrCodec<T> optional(XdrCodec<T> codec) {
        return new XdrCodec<>() {
            @Override
            public T decode(ByteBuf in) {
                return readInt(in) != 0 ? codec.decode(in) : null;
            }

            @Override
            public void encode(ByteBuf out, T value) {
                if (value == null) {
                    out.writeInt(0);
                } else {
                    out.writeInt(1);
                    codec.encode(out, value);
                }
            }
        };
    }

    /**
     * The codec of {@code type}, taken from its {@code public static final CODEC} field on first
     * use rather than now: program tables declare hundreds of types, and a client uses a few.
     */
    public static <T> XdrCodec<T> lazy(Class<T> type) {
        return new LazyCodec<>(type, java.util.function.Function.identity());
    }

    /** As {@link #lazy(Class)}, for a codec built around the type's own, e.g. an event with its callback id. */
    public static <B, T> XdrCodec<T> lazy(Class<B> type, java.util.function.Function<XdrCodec<B>, XdrCodec<T>> wrap) {
        return new LazyCodec<>(type, wrap);
    }

    /** Variable array {@code T name<max>}; encoding more than {@code max} elements is refused. */
    public static <T> XdrCodec<List<T>> array(XdrCodec<T> element, int max) {
        return array(element, max, null);
    }

    /**
     * As {@link #array(XdrCodec, int)}, naming the elements in libvirt's plural ("domains") for
     * the refusal of an over-long list: libvirtd checks such lists before it encodes a reply.
     */
    public static <T> XdrCodec<List<T>> array(XdrCodec<T> element, int max, String noun) {
        return new XdrCodec<>() {
            @Override
            public List<T> decode(ByteBuf in) {
                int count = readLength(in, max, Math.max(1, element.minSize()), "array");
                if (count == 0) {
                    return Collections.emptyList();
                }
                List<T> items = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    items.add(element.decode(in));
                }
                return Collections.unmodifiableList(items);
            }

            @Override
            public void encode(ByteBuf out, List<T> value) {
                if (value.size() > max) {
                    throw new XdrEncodeException(noun, value.size(), max);
                }
                out.writeInt(value.size());
                for (T item : value) {
                    element.encode(out, item);
                }
            }
        };
    }

    /**
     * {@code char name[n]}: n characters, each widened to a 4-byte word by rpcgen
     * (node info's CPU model is 128 bytes on the wire). Decodes up to the first NUL.
     */
    public static XdrCodec<String> fixedChars(int n) {
        return new XdrCodec<>() {
            @Override
            public String decode(ByteBuf in) {
                require(in, 4L * n);
                StringBuilder sb = new StringBuilder();
                boolean ended = false;
                for (int i = 0; i < n; i++) {
                    int c = in.readInt() & 0xff;
                    if (c == 0) {
                        ended = true;
                    } else if (!ended) {
                        sb.append((char) c);
                    }
                }
                return sb.toString();
            }

            @Override
            public void encode(ByteBuf out, String value) {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < n; i++) {
                    out.writeInt(i < bytes.length && i < n - 1 ? bytes[i] : 0);
                }
            }

            @Override
            public int minSize() {
                return 4 * n;
            }
        };
    }

    /**
     * {@code char name<max>}: a counted array of 4-byte characters whose count includes the
     * trailing NUL (the security model and label replies: "none" is sent with count 5).
     * An empty Java string is sent as count 1 (just the NUL), as libvirt does.
     */
    public static XdrCodec<String> countedChars(int max) {
        return new XdrCodec<>() {
            @Override
            public String decode(ByteBuf in) {
                int count = readLength(in, max, 4, "char array");
                StringBuilder sb = new StringBuilder(count);
                boolean ended = false;
                for (int i = 0; i < count; i++) {
                    int c = in.readInt() & 0xff;
                    if (c == 0) {
                        ended = true;
                    } else if (!ended) {
                        sb.append((char) c);
                    }
                }
                return sb.toString();
            }

            @Override
            public void encode(ByteBuf out, String value) {
                byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
                if (bytes.length + 1 > max) {
                    throw new XdrEncodeException(null, bytes.length + 1, max);
                }
                out.writeInt(bytes.length + 1);
                for (byte b : bytes) {
                    out.writeInt(b);
                }
                out.writeInt(0);
            }
        };
    }

    /**
     * {@code char name<max>} carrying binary data (the SASL exchange): a counted array of
     * 4-byte words, one per byte, with no NUL convention.
     */
    public static XdrCodec<byte[]> charBytes(int max) {
        return new XdrCodec<>() {
            @Override
            public byte[] decode(ByteBuf in) {
                int count = readLength(in, max, 4, "char array");
                byte[] bytes = new byte[count];
                for (int i = 0; i < count; i++) {
                    bytes[i] = (byte) in.readInt();
                }
                return bytes;
            }

            @Override
            public void encode(ByteBuf out, byte[] value) {
                if (value.length > max) {
                    throw new XdrEncodeException(null, value.length, max);
                }
                out.writeInt(value.length);
                for (byte b : value) {
                    out.writeInt(b);
                }
            }
        };
    }

    // ---- low-level helpers shared by the codecs ----

    static int readInt(ByteBuf in) {
        require(in, 4);
        return in.readInt();
    }

    /** Reads a length or count word and checks it against the maximum and the bytes left. */
    static int readLength(ByteBuf in, int max, int minElementSize, String what) {
        long len = readInt(in) & 0xffffffffL;
        if (len > max) {
            throw new XdrDecodeException(what + " length " + len + " exceeds maximum " + max);
        }
        if (len * minElementSize > in.readableBytes()) {
            throw new XdrDecodeException(what + " length " + len + " runs past the end of the payload");
        }
        return (int) len;
    }

    static void require(ByteBuf in, long bytes) {
        if (in.readableBytes() < bytes) {
            throw new XdrDecodeException("payload truncated: need " + bytes + " bytes, have " + in.readableBytes());
        }
    }

    static void skipPad(ByteBuf in, int len) {
        int pad = (4 - (len & 3)) & 3;
        require(in, pad);
        in.skipBytes(pad);
    }

    static void writePad(ByteBuf out, int len) {
        int pad = (4 - (len & 3)) & 3;
        if (pad != 0) {
            out.writeZero(pad);
        }
    }
}
