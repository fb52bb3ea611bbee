package org.virtd.rpc.xdr;

import io.netty.buffer.ByteBuf;

import java.util.function.Function;

/**
 * Struct codecs composed from field codecs in wire order, beside the record they build:
 * {@code Struct.of(DomainRef::new, STRING, DomainRef::name, UUID, DomainRef::uuid, INT, DomainRef::id)}.
 * No reflection and no per-message read/write pair: the field list drives both directions.
 *
 * <p>Arities 1 to 16 are spelled out because Java has no variadic generics; the file is regular
 * on purpose, so each overload reads the same way. Sixteen covers the widest records we carry
 * ({@code remote_domain_get_job_info_ret} has 12 fields, {@code remote_error} 11).
 */
public final class Struct {
    private Struct() {
    }

    /** A constructor of 1 field. */
    @FunctionalInterface
    public interface C1<R, T1> {
        R make(T1 v1);
    }

    /** A constructor of 2 fields. */
    @FunctionalInterface
    public interface C2<R, T1, T2> {
        R make(T1 v1, T2 v2);
    }

    /** A constructor of 3 fields. */
    @FunctionalInterface
    public interface C3<R, T1, T2, T3> {
        R make(T1 v1, T2 v2, T3 v3);
    }

    /** A constructor of 4 fields. */
    @FunctionalInterface
    public interface C4<R, T1, T2, T3, T4> {
        R make(T1 v1, T2 v2, T3 v3, T4 v4);
    }

    /** A constructor of 5 fields. */
    @FunctionalInterface
    public interface C5<R, T1, T2, T3, T4, T5> {
        R make(T1 v1, T2 v2, T3 v3, T4 v4, T5 v5);
    }

    /** A constructor of 6 fields. */
    @FunctionalInterface
    public interface C6<R, T1, T2, T3, T4, T5, T6> {
        R make(T1 v1, T2 v2, T3 v3, T4 v4, T5 v5, T6 v6);
    }

    /** A constructor of 7 fields. */
    @FunctionalInterface
    public interface C7<R, T1, T2, T3, T4, T5, T6, T7> {
        R make(T1 v1, T2 v2, T3 v3, T4 v4, T5 v5, T6 v6, T7 v7);
    }

    /** A constructor of 8 fields. */
    @FunctionalInterface
    public interface C8<R, T1, T2, T3, T4, T5, T6, T7, T8> {
        R make(T1 v1, T2 v2, T3 v3, T4 v4, T5 v5, T6 v6, T7 v7, T8 v8);
    }

    /** A constructor of 9 fields. */
    @FunctionalInterface
    public interface C9<R, T1, T2, T3, T4, T5, T6, T7, T8, T9> {
        R make(T1 v1, T2 v2, T3 v3, T4 v4, T5 v5, T6 v6, T7 v7, T8 v8, T9 v9);
    }

    /** A constructor of 10 fields. */
    @FunctionalInterface
    public interface C10<R, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10> {
        R make(T1 v1, T2 v2, T3 v3, T4 v4, T5 v5, T6 v6, T7 v7, T8 v8, T9 v9, T10 v10);
    }

    /** A constructor of 11 fields. */
    @FunctionalInterface
    public interface C11<R, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11> {
        R make(T1 v1, T2 v2, T3 v3, T4 v4, T5 v5, T6 v6, T7 v7, T8 v8, T9 v9, T10 v10, T11 v11);
    }

    /** A constructor of 12 fields. */
    @FunctionalInterface
    public interface C12<R, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12> {
        R make(T1 v1, T2 v2, T3 v3, T4 v4, T5 v5, T6 v6, T7 v7, T8 v8, T9 v9, T10 v10, T11 v11, T12 v12);
    }

    /** A constructor of 13 fields. */
    @FunctionalInterface
    public interface C13<R, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13> {
        R make(T1 v1, T2 v2, T3 v3, T4 v4, T5 v5, T6 v6, T7 v7, T8 v8, T9 v9, T10 v10, T11 v11, T12 v12, T13 v13);
    }

    /** A constructor of 14 fields. */
    @FunctionalInterface
    public interface C14<R, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14> {
        R make(T1 v1, T2 v2, T3 v3, T4 v4, T5 v5, T6 v6, T7 v7, T8 v8, T9 v9, T10 v10, T11 v11, T12 v12, T13 v13, T14 v14);
    }

    /** A constructor of 15 fields. */
    @FunctionalInterface
    public interface C15<R, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15> {
        R make(T1 v1, T2 v2, T3 v3, T4 v4, T5 v5, T6 v6, T7 v7, T8 v8, T9 v9, T10 v10, T11 v11, T12 v12, T13 v13, T14 v14, T15 v15);
    }

    /** A constructor of 16 fields. */
    @FunctionalInterface
    public interface C16<R, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16> {
        R make(T1 v1, T2 v2, T3 v3, T4 v4, T5 v5, T6 v6, T7 v7, T8 v8, T9 v9, T10 v10, T11 v11, T12 v12, T13 v13, T14 v14, T15 v15, T16 v16);
    }

    public static <R, T1> XdrCodec<R> of(C1<R, T1> make,
            XdrCodec<T1> c1, Function<R, T1> g1) {
        int min = c1.minSize();
        return new XdrCodec<>() {
            @Override
            public R decode(ByteBuf in) {
                T1 v1 = c1.decode(in);
                return make.make(v1);
            }

            @Override
            public void encode(ByteBuf out, R value) {
                c1.encode(out, g1.apply(value));
            }

            @Override
            public int minSize() {
                return min;
            }
        };
    }

    public static <R, T1, T2> XdrCodec<R> of(C2<R, T1, T2> make,
            XdrCodec<T1> c1, Function<R, T1> g1,
            XdrCodec<T2> c2, Function<R, T2> g2) {
        int min = c1.minSize() + c2.minSize();
        return new XdrCodec<>() {
            @Override
            public R decode(ByteBuf in) {
                T1 v1 = c1.decode(in);
                T2 v2 = c2.decode(in);
                return make.make(v1, v2);
            }

            @Override
            public void encode(ByteBuf out, R value) {
                c1.encode(out, g1.apply(value));
                c2.encode(out, g2.apply(value));
            }

            @Override
            public int minSize() {
                return min;
            }
        };
    }

    public static <R, T1, T2, T3> XdrCodec<R> of(C3<R, T1, T2, T3> make,
            XdrCodec<T1> c1, Function<R, T1> g1,
            XdrCodec<T2> c2, Function<R, T2> g2,
            XdrCodec<T3> c3, Function<R, T3> g3) {
        int min = c1.minSize() + c2.minSize() + c3.minSize();
        return new XdrCodec<>() {
            @Override
            public R decode(ByteBuf in) {
                T1 v1 = c1.decode(in);
                T2 v2 = c2.decode(in);
                T3 v3 = c3.decode(in);
                return make.make(v1, v2, v3);
            }

            @Override
            public void encode(ByteBuf out, R value) {
                c1.encode(out, g1.apply(value));
                c2.encode(out, g2.apply(value));
                c3.encode(out, g3.apply(value));
            }

            @Override
            public int minSize() {
                return min;
            }
        };
    }

    public static <R, T1, T2, T3, T4> XdrCodec<R> of(C4<R, T1, T2, T3, T4> make,
            XdrCodec<T1> c1, Function<R, T1> g1,
            XdrCodec<T2> c2, Function<R, T2> g2,
            XdrCodec<T3> c3, Function<R, T3> g3,
            XdrCodec<T4> c4, Function<R, T4> g4) {
        int min = c1.minSize() + c2.minSize() + c3.minSize() + c4.minSize();
        return new XdrCodec<>() {
            @Override
            public R decode(ByteBuf in) {
                T1 v1 = c1.decode(in);
                T2 v2 = c2.decode(in);
                T3 v3 = c3.decode(in);
                T4 v4 = c4.decode(in);
                return make.make(v1, v2, v3, v4);
            }

            @Override
            public void encode(ByteBuf out, R value) {
                c1.encode(out, g1.apply(value));
                c2.encode(out, g2.apply(value));
                c3.encode(out, g3.apply(value));
                c4.encode(out, g4.apply(value));
            }

            @Override
            public int minSize() {
                return min;
            }
        };
    }

    public static <R, T1, T2, T3, T4, T5> XdrCodec<R> of(C5<R, T1, T2, T3, T4, T5> make,
            XdrCodec<T1> c1, Function<R, T1> g1,
            XdrCodec<T2> c2, Function<R, T2> g2,
            XdrCodec<T3> c3, Function<R, T3> g3,
            XdrCodec<T4> c4, Function<R, T4> g4,
            XdrCodec<T5> c5, Function<R, T5> g5) {
        int min = c1.minSize() + c2.minSize() + c3.minSize() + c4.minSize() + c5.minSize();
        return new XdrCodec<>() {
            @Override
            public R decode(ByteBuf in) {
                T1 v1 = c1.decode(in);
                T2 v2 = c2.decode(in);
                T3 v3 = c3.decode(in);
                T4 v4 = c4.decode(in);
                T5 v5 = c5.decode(in);
                return make.make(v1, v2, v3, v4, v5);
            }

            @Override
            public void encode(ByteBuf out, R value) {
                c1.encode(out, g1.apply(value));
                c2.encode(out, g2.apply(value));
                c3.encode(out, g3.apply(value));
                c4.encode(out, g4.apply(value));
                c5.encode(out, g5.apply(value));
            }

            @Override
            public int minSize() {
                return min;
            }
        };
    }

    public static <R, T1, T2, T3, T4, T5, T6> XdrCodec<R> of(C6<R, T1, T2, T3, T4, T5, T6> make,
            XdrCodec<T1> c1, Function<R, T1> g1,
            XdrCodec<T2> c2, Function<R, T2> g2,
            XdrCodec<T3> c3, Function<R, T3> g3,
            XdrCodec<T4> c4, Function<R, T4> g4,
            XdrCodec<T5> c5, Function<R, T5> g5,
            XdrCodec<T6> c6, Function<R, T6> g6) {
        int min = c1.minSize() + c2.minSize() + c3.minSize() + c4.minSize() + c5.minSize() + c6.minSize();
        return new XdrCodec<>() {
            @Override
            public R decode(ByteBuf in) {
                T1 v1 = c1.decode(in);
                T2 v2 = c2.decode(in);
                T3 v3 = c3.decode(in);
                T4 v4 = c4.decode(in);
                T5 v5 = c5.decode(in);
                T6 v6 = c6.decode(in);
                return make.make(v1, v2, v3, v4, v5, v6);
            }

            @Override
            public void encode(ByteBuf out, R value) {
                c1.encode(out, g1.apply(value));
                c2.encode(out, g2.apply(value));
                c3.encode(out, g3.apply(value));
                c4.encode(out, g4.apply(value));
                c5.encode(out, g5.apply(value));
                c6.encode(out, g6.apply(value));
            }

            @Override
            public int minSize() {
                return min;
            }
        };
    }

    public static <R, T1, T2, T3, T4, T5, T6, T7> XdrCodec<R> of(C7<R, T1, T2, T3, T4, T5, T6, T7> make,
            XdrCodec<T1> c1, Function<R, T1> g1,
            XdrCodec<T2> c2, Function<R, T2> g2,
            XdrCodec<T3> c3, Function<R, T3> g3,
            XdrCodec<T4> c4, Function<R, T4> g4,
            XdrCodec<T5> c5, Function<R, T5> g5,
            XdrCodec<T6> c6, Function<R, T6> g6,
            XdrCodec<T7> c7, Function<R, T7> g7) {
        int min = c1.minSize() + c2.minSize() + c3.minSize() + c4.minSize() + c5.minSize() + c6.minSize() + c7.minSize();
        return new XdrCodec<>() {
            @Override
            public R decode(ByteBuf in) {
                T1 v1 = c1.decode(in);
                T2 v2 = c2.decode(in);
                T3 v3 = c3.decode(in);
                T4 v4 = c4.decode(in);
                T5 v5 = c5.decode(in);
                T6 v6 = c6.decode(in);
                T7 v7 = c7.decode(in);
                return make.make(v1, v2, v3, v4, v5, v6, v7);
            }

            @Override
            public void encode(ByteBuf out, R value) {
                c1.encode(out, g1.apply(value));
                c2.encode(out, g2.apply(value));
                c3.encode(out, g3.apply(value));
                c4.encode(out, g4.apply(value));
                c5.encode(out, g5.apply(value));
                c6.encode(out, g6.apply(value));
                c7.encode(out, g7.apply(value));
            }

            @Override
            public int minSize() {
                return min;
            }
        };
    }

    public static <R, T1, T2, T3, T4, T5, T6, T7, T8> XdrCodec<R> of(C8<R, T1, T2, T3, T4, T5, T6, T7, T8> make,
            XdrCodec<T1> c1, Function<R, T1> g1,
            XdrCodec<T2> c2, Function<R, T2> g2,
            XdrCodec<T3> c3, Function<R, T3> g3,
            XdrCodec<T4> c4, Function<R, T4> g4,
            XdrCodec<T5> c5, Function<R, T5> g5,
            XdrCodec<T6> c6, Function<R, T6> g6,
            XdrCodec<T7> c7, Function<R, T7> g7,
            XdrCodec<T8> c8, Function<R, T8> g8) {
        int min = c1.minSize() + c2.minSize() + c3.minSize() + c4.minSize() + c5.minSize() + c6.minSize() + c7.minSize() + c8.minSize();
        return new XdrCodec<>() {
            @Override
            public R decode(ByteBuf in) {
                T1 v1 = c1.decode(in);
                T2 v2 = c2.decode(in);
                T3 v3 = c3.decode(in);
                T4 v4 = c4.decode(in);
                T5 v5 = c5.decode(in);
                T6 v6 = c6.decode(in);
                T7 v7 = c7.decode(in);
                T8 v8 = c8.decode(in);
                return make.make(v1, v2, v3, v4, v5, v6, v7, v8);
            }

            @Override
            public void encode(ByteBuf out, R value) {
                c1.encode(out, g1.apply(value));
                c2.encode(out, g2.apply(value));
                c3.encode(out, g3.apply(value));
                c4.encode(out, g4.apply(value));
                c5.encode(out, g5.apply(value));
                c6.encode(out, g6.apply(value));
                c7.encode(out, g7.apply(value));
                c8.encode(out, g8.apply(value));
            }

            @Override
            public int minSize() {
                return min;
            }
        };
    }

    public static <R, T1, T2, T3, T4, T5, T6, T7, T8, T9> XdrCodec<R> of(C9<R, T1, T2, T3, T4, T5, T6, T7, T8, T9> make,
            XdrCodec<T1> c1, Function<R, T1> g1,
            XdrCodec<T2> c2, Function<R, T2> g2,
            XdrCodec<T3> c3, Function<R, T3> g3,
            XdrCodec<T4> c4, Function<R, T4> g4,
            XdrCodec<T5> c5, Function<R, T5> g5,
            XdrCodec<T6> c6, Function<R, T6> g6,
            XdrCodec<T7> c7, Function<R, T7> g7,
            XdrCodec<T8> c8, Function<R, T8> g8,
            XdrCodec<T9> c9, Function<R, T9> g9) {
        int min = c1.minSize() + c2.minSize() + c3.minSize() + c4.minSize() + c5.minSize() + c6.minSize() + c7.minSize() + c8.minSize() + c9.minSize();
        return new XdrCodec<>() {
            @Override
            public R decode(ByteBuf in) {
                T1 v1 = c1.decode(in);
                T2 v2 = c2.decode(in);
                T3 v3 = c3.decode(in);
                T4 v4 = c4.decode(in);
                T5 v5 = c5.decode(in);
                T6 v6 = c6.decode(in);
                T7 v7 = c7.decode(in);
                T8 v8 = c8.decode(in);
                T9 v9 = c9.decode(in);
                return make.make(v1, v2, v3, v4, v5, v6, v7, v8, v9);
            }

            @Override
            public void encode(ByteBuf out, R value) {
                c1.encode(out, g1.apply(value));
                c2.encode(out, g2.apply(value));
                c3.encode(out, g3.apply(value));
                c4.encode(out, g4.apply(value));
                c5.encode(out, g5.apply(value));
                c6.encode(out, g6.apply(value));
                c7.encode(out, g7.apply(value));
                c8.encode(out, g8.apply(value));
                c9.encode(out, g9.apply(value));
            }

            @Override
            public int minSize() {
                return min;
            }
        };
    }

    public static <R, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10> XdrCodec<R> of(C10<R, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10> make,
            XdrCodec<T1> c1, Function<R, T1> g1,
            XdrCodec<T2> c2, Function<R, T2> g2,
            XdrCodec<T3> c3, Function<R, T3> g3,
            XdrCodec<T4> c4, Function<R, T4> g4,
            XdrCodec<T5> c5, Function<R, T5> g5,
            XdrCodec<T6> c6, Function<R, T6> g6,
            XdrCodec<T7> c7, Function<R, T7> g7,
            XdrCodec<T8> c8, Function<R, T8> g8,
            XdrCodec<T9> c9, Function<R, T9> g9,
            XdrCodec<T10> c10, Function<R, T10> g10) {
        int min = c1.minSize() + c2.minSize() + c3.minSize() + c4.minSize() + c5.minSize() + c6.minSize() + c7.minSize() + c8.minSize() + c9.minSize() + c10.minSize();
        return new XdrCodec<>() {
            @Override
            public R decode(ByteBuf in) {
                T1 v1 = c1.decode(in);
                T2 v2 = c2.decode(in);
                T3 v3 = c3.decode(in);
                T4 v4 = c4.decode(in);
                T5 v5 = c5.decode(in);
                T6 v6 = c6.decode(in);
                T7 v7 = c7.decode(in);
                T8 v8 = c8.decode(in);
                T9 v9 = c9.decode(in);
                T10 v10 = c10.decode(in);
                return make.make(v1, v2, v3, v4, v5, v6, v7, v8, v9, v10);
            }

            @Override
            public void encode(ByteBuf out, R value) {
                c1.encode(out, g1.apply(value));
                c2.encode(out, g2.apply(value));
                c3.encode(out, g3.apply(value));
                c4.encode(out, g4.apply(value));
                c5.encode(out, g5.apply(value));
                c6.encode(out, g6.apply(value));
                c7.encode(out, g7.apply(value));
                c8.encode(out, g8.apply(value));
                c9.encode(out, g9.apply(value));
                c10.encode(out, g10.apply(value));
            }

            @Override
            public int minSize() {
                return min;
            }
        };
    }

    public static <R, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11> XdrCodec<R> of(C11<R, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11> make,
            XdrCodec<T1> c1, Function<R, T1> g1,
            XdrCodec<T2> c2, Function<R, T2> g2,
            XdrCodec<T3> c3, Function<R, T3> g3,
            XdrCodec<T4> c4, Function<R, T4> g4,
            XdrCodec<T5> c5, Function<R, T5> g5,
            XdrCodec<T6> c6, Function<R, T6> g6,
            XdrCodec<T7> c7, Function<R, T7> g7,
            XdrCodec<T8> c8, Function<R, T8> g8,
            XdrCodec<T9> c9, Function<R, T9> g9,
            XdrCodec<T10> c10, Function<R, T10> g10,
            XdrCodec<T11> c11, Function<R, T11> g11) {
        int min = c1.minSize() + c2.minSize() + c3.minSize() + c4.minSize() + c5.minSize() + c6.minSize() + c7.minSize() + c8.minSize() + c9.minSize() + c10.minSize() + c11.minSize();
        return new XdrCodec<>() {
            @Override
            public R decode(ByteBuf in) {
                T1 v1 = c1.decode(in);
                T2 v2 = c2.decode(in);
                T3 v3 = c3.decode(in);
                T4 v4 = c4.decode(in);
                T5 v5 = c5.decode(in);
                T6 v6 = c6.decode(in);
                T7 v7 = c7.decode(in);
                T8 v8 = c8.decode(in);
                T9 v9 = c9.decode(in);
                T10 v10 = c10.decode(in);
                T11 v11 = c11.decode(in);
                return make.make(v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11);
            }

            @Override
            public void encode(ByteBuf out, R value) {
                c1.encode(out, g1.apply(value));
                c2.encode(out, g2.apply(value));
                c3.encode(out, g3.apply(value));
                c4.encode(out, g4.apply(value));
                c5.encode(out, g5.apply(value));
                c6.encode(out, g6.apply(value));
                c7.encode(out, g7.apply(value));
                c8.encode(out, g8.apply(value));
                c9.encode(out, g9.apply(value));
                c10.encode(out, g10.apply(value));
                c11.encode(out, g11.apply(value));
            }

            @Override
            public int minSize() {
                return min;
            }
        };
    }

    public static <R, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12> XdrCodec<R> of(C12<R, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12> make,
            XdrCodec<T1> c1, Function<R, T1> g1,
            XdrCodec<T2> c2, Function<R, T2> g2,
            XdrCodec<T3> c3, Function<R, T3> g3,
            XdrCodec<T4> c4, Function<R, T4> g4,
            XdrCodec<T5> c5, Function<R, T5> g5,
            XdrCodec<T6> c6, Function<R, T6> g6,
            XdrCodec<T7> c7, Function<R, T7> g7,
            XdrCodec<T8> c8, Function<R, T8> g8,
            XdrCodec<T9> c9, Function<R, T9> g9,
            XdrCodec<T10> c10, Function<R, T10> g10,
            XdrCodec<T11> c11, Function<R, T11> g11,
            XdrCodec<T12> c12, Function<R, T12> g12) {
        int min = c1.minSize() + c2.minSize() + c3.minSize() + c4.minSize() + c5.minSize() + c6.minSize() + c7.minSize() + c8.minSize() + c9.minSize() + c10.minSize() + c11.minSize() + c12.minSize();
        return new XdrCodec<>() {
            @Override
            public R decode(ByteBuf in) {
                T1 v1 = c1.decode(in);
                T2 v2 = c2.decode(in);
                T3 v3 = c3.decode(in);
                T4 v4 = c4.decode(in);
                T5 v5 = c5.decode(in);
                T6 v6 = c6.decode(in);
                T7 v7 = c7.decode(in);
                T8 v8 = c8.decode(in);
                T9 v9 = c9.decode(in);
                T10 v10 = c10.decode(in);
                T11 v11 = c11.decode(in);
                T12 v12 = c12.decode(in);
                return make.make(v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12);
            }

            @Override
            public void encode(ByteBuf out, R value) {
                c1.encode(out, g1.apply(value));
                c2.encode(out, g2.apply(value));
                c3.encode(out, g3.apply(value));
                c4.encode(out, g4.apply(value));
                c5.encode(out, g5.apply(value));
                c6.encode(out, g6.apply(value));
                c7.encode(out, g7.apply(value));
                c8.encode(out, g8.apply(value));
                c9.encode(out, g9.apply(value));
                c10.encode(out, g10.apply(value));
                c11.encode(out, g11.apply(value));
                c12.encode(out, g12.apply(value));
            }

            @Override
            public int minSize() {
                return min;
            }
        };
    }

    public static <R, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13> XdrCodec<R> of(C13<R, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13> make,
            XdrCodec<T1> c1, Function<R, T1> g1,
            XdrCodec<T2> c2, Function<R, T2> g2,
            XdrCodec<T3> c3, Function<R, T3> g3,
            XdrCodec<T4> c4, Function<R, T4> g4,
            XdrCodec<T5> c5, Function<R, T5> g5,
            XdrCodec<T6> c6, Function<R, T6> g6,
            XdrCodec<T7> c7, Function<R, T7> g7,
            XdrCodec<T8> c8, Function<R, T8> g8,
            XdrCodec<T9> c9, Function<R, T9> g9,
            XdrCodec<T10> c10, Function<R, T10> g10,
            XdrCodec<T11> c11, Function<R, T11> g11,
            XdrCodec<T12> c12, Function<R, T12> g12,
            XdrCodec<T13> c13, Function<R, T13> g13) {
        int min = c1.minSize() + c2.minSize() + c3.minSize() + c4.minSize() + c5.minSize() + c6.minSize() + c7.minSize() + c8.minSize() + c9.minSize() + c10.minSize() + c11.minSize() + c12.minSize() + c13.minSize();
        return new XdrCodec<>() {
            @Override
            public R decode(ByteBuf in) {
                T1 v1 = c1.decode(in);
                T2 v2 = c2.decode(in);
                T3 v3 = c3.decode(in);
                T4 v4 = c4.decode(in);
                T5 v5 = c5.decode(in);
                T6 v6 = c6.decode(in);
                T7 v7 = c7.decode(in);
                T8 v8 = c8.decode(in);
                T9 v9 = c9.decode(in);
                T10 v10 = c10.decode(in);
                T11 v11 = c11.decode(in);
                T12 v12 = c12.decode(in);
                T13 v13 = c13.decode(in);
                return make.make(v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13);
            }

            @Override
            public void encode(ByteBuf out, R value) {
                c1.encode(out, g1.apply(value));
                c2.encode(out, g2.apply(value));
                c3.encode(out, g3.apply(value));
                c4.encode(out, g4.apply(value));
                c5.encode(out, g5.apply(value));
                c6.encode(out, g6.apply(value));
                c7.encode(out, g7.apply(value));
                c8.encode(out, g8.apply(value));
                c9.encode(out, g9.apply(value));
                c10.encode(out, g10.apply(value));
                c11.encode(out, g11.apply(value));
                c12.encode(out, g12.apply(value));
                c13.encode(out, g13.apply(value));
            }

            @Override
            public int minSize() {
                return min;
            }
        };
    }

    public static <R, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14> XdrCodec<R> of(C14<R, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14> make,
            XdrCodec<T1> c1, Function<R, T1> g1,
            XdrCodec<T2> c2, Function<R, T2> g2,
            XdrCodec<T3> c3, Function<R, T3> g3,
            XdrCodec<T4> c4, Function<R, T4> g4,
            XdrCodec<T5> c5, Function<R, T5> g5,
            XdrCodec<T6> c6, Function<R, T6> g6,
            XdrCodec<T7> c7, Function<R, T7> g7,
            XdrCodec<T8> c8, Function<R, T8> g8,
            XdrCodec<T9> c9, Function<R, T9> g9,
            XdrCodec<T10> c10, Function<R, T10> g10,
            XdrCodec<T11> c11, Function<R, T11> g11,
            XdrCodec<T12> c12, Function<R, T12> g12,
            XdrCodec<T13> c13, Function<R, T13> g13,
            XdrCodec<T14> c14, Function<R, T14> g14) {
        int min = c1.minSize() + c2.minSize() + c3.minSize() + c4.minSize() + c5.minSize() + c6.minSize() + c7.minSize() + c8.minSize() + c9.minSize() + c10.minSize() + c11.minSize() + c12.minSize() + c13.minSize() + c14.minSize();
        return new XdrCodec<>() {
            @Override
            public R decode(ByteBuf in) {
                T1 v1 = c1.decode(in);
                T2 v2 = c2.decode(in);
                T3 v3 = c3.decode(in);
                T4 v4 = c4.decode(in);
                T5 v5 = c5.decode(in);
                T6 v6 = c6.decode(in);
                T7 v7 = c7.decode(in);
                T8 v8 = c8.decode(in);
                T9 v9 = c9.decode(in);
                T10 v10 = c10.decode(in);
                T11 v11 = c11.decode(in);
                T12 v12 = c12.decode(in);
                T13 v13 = c13.decode(in);
                T14 v14 = c14.decode(in);
                return make.make(v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14);
            }

            @Override
            public void encode(ByteBuf out, R value) {
                c1.encode(out, g1.apply(value));
                c2.encode(out, g2.apply(value));
                c3.encode(out, g3.apply(value));
                c4.encode(out, g4.apply(value));
                c5.encode(out, g5.apply(value));
                c6.encode(out, g6.apply(value));
                c7.encode(out, g7.apply(value));
                c8.encode(out, g8.apply(value));
                c9.encode(out, g9.apply(value));
                c10.encode(out, g10.apply(value));
                c11.encode(out, g11.apply(value));
                c12.encode(out, g12.apply(value));
                c13.encode(out, g13.apply(value));
                c14.encode(out, g14.apply(value));
            }

            @Override
            public int minSize() {
                return min;
            }
        };
    }

    public static <R, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15> XdrCodec<R> of(C15<R, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15> make,
            XdrCodec<T1> c1, Function<R, T1> g1,
            XdrCodec<T2> c2, Function<R, T2> g2,
            XdrCodec<T3> c3, Function<R, T3> g3,
            XdrCodec<T4> c4, Function<R, T4> g4,
            XdrCodec<T5> c5, Function<R, T5> g5,
            XdrCodec<T6> c6, Function<R, T6> g6,
            XdrCodec<T7> c7, Function<R, T7> g7,
            XdrCodec<T8> c8, Function<R, T8> g8,
            XdrCodec<T9> c9, Function<R, T9> g9,
            XdrCodec<T10> c10, Function<R, T10> g10,
            XdrCodec<T11> c11, Function<R, T11> g11,
            XdrCodec<T12> c12, Function<R, T12> g12,
            XdrCodec<T13> c13, Function<R, T13> g13,
            XdrCodec<T14> c14, Function<R, T14> g14,
            XdrCodec<T15> c15, Function<R, T15> g15) {
        int min = c1.minSize() + c2.minSize() + c3.minSize() + c4.minSize() + c5.minSize() + c6.minSize() + c7.minSize() + c8.minSize() + c9.minSize() + c10.minSize() + c11.minSize() + c12.minSize() + c13.minSize() + c14.minSize() + c15.minSize();
        return new XdrCodec<>() {
            @Override
            public R decode(ByteBuf in) {
                T1 v1 = c1.decode(in);
                T2 v2 = c2.decode(in);
                T3 v3 = c3.decode(in);
                T4 v4 = c4.decode(in);
                T5 v5 = c5.decode(in);
                T6 v6 = c6.decode(in);
                T7 v7 = c7.decode(in);
                T8 v8 = c8.decode(in);
                T9 v9 = c9.decode(in);
                T10 v10 = c10.decode(in);
                T11 v11 = c11.decode(in);
                T12 v12 = c12.decode(in);
                T13 v13 = c13.decode(in);
                T14 v14 = c14.decode(in);
                T15 v15 = c15.decode(in);
                return make.make(v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15);
            }

            @Override
            public void encode(ByteBuf out, R value) {
                c1.encode(out, g1.apply(value));
                c2.encode(out, g2.apply(value));
                c3.encode(out, g3.apply(value));
                c4.encode(out, g4.apply(value));
                c5.encode(out, g5.apply(value));
                c6.encode(out, g6.apply(value));
                c7.encode(out, g7.apply(value));
                c8.encode(out, g8.apply(value));
                c9.encode(out, g9.apply(value));
                c10.encode(out, g10.apply(value));
                c11.encode(out, g11.apply(value));
                c12.encode(out, g12.apply(value));
                c13.encode(out, g13.apply(value));
                c14.encode(out, g14.apply(value));
                c15.encode(out, g15.apply(value));
            }

            @Override
            public int minSize() {
                return min;
            }
        };
    }

    public static <R, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16> XdrCodec<R> of(C16<R, T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16> make,
            XdrCodec<T1> c1, Function<R, T1> g1,
            XdrCodec<T2> c2, Function<R, T2> g2,
            XdrCodec<T3> c3, Function<R, T3> g3,
            XdrCodec<T4> c4, Function<R, T4> g4,
            XdrCodec<T5> c5, Function<R, T5> g5,
            XdrCodec<T6> c6, Function<R, T6> g6,
            XdrCodec<T7> c7, Function<R, T7> g7,
            XdrCodec<T8> c8, Function<R, T8> g8,
            XdrCodec<T9> c9, Function<R, T9> g9,
            XdrCodec<T10> c10, Function<R, T10> g10,
            XdrCodec<T11> c11, Function<R, T11> g11,
            XdrCodec<T12> c12, Function<R, T12> g12,
            XdrCodec<T13> c13, Function<R, T13> g13,
            XdrCodec<T14> c14, Function<R, T14> g14,
            XdrCodec<T15> c15, Function<R, T15> g15,
            XdrCodec<T16> c16, Function<R, T16> g16) {
        int min = c1.minSize() + c2.minSize() + c3.minSize() + c4.minSize() + c5.minSize() + c6.minSize() + c7.minSize() + c8.minSize() + c9.minSize() + c10.minSize() + c11.minSize() + c12.minSize() + c13.minSize() + c14.minSize() + c15.minSize() + c16.minSize();
        return new XdrCodec<>() {
            @Override
            public R decode(ByteBuf in) {
                T1 v1 = c1.decode(in);
                T2 v2 = c2.decode(in);
                T3 v3 = c3.decode(in);
                T4 v4 = c4.decode(in);
                T5 v5 = c5.decode(in);
                T6 v6 = c6.decode(in);
                T7 v7 = c7.decode(in);
                T8 v8 = c8.decode(in);
                T9 v9 = c9.decode(in);
                T10 v10 = c10.decode(in);
                T11 v11 = c11.decode(in);
                T12 v12 = c12.decode(in);
                T13 v13 = c13.decode(in);
                T14 v14 = c14.decode(in);
                T15 v15 = c15.decode(in);
                T16 v16 = c16.decode(in);
                return make.make(v1, v2, v3, v4, v5, v6, v7, v8, v9, v10, v11, v12, v13, v14, v15, v16);
            }

            @Override
            public void encode(ByteBuf out, R value) {
                c1.encode(out, g1.apply(value));
                c2.encode(out, g2.apply(value));
                c3.encode(out, g3.apply(value));
                c4.encode(out, g4.apply(value));
                c5.encode(out, g5.apply(value));
                c6.encode(out, g6.apply(value));
                c7.encode(out, g7.apply(value));
                c8.encode(out, g8.apply(value));
                c9.encode(out, g9.apply(value));
                c10.encode(out, g10.apply(value));
                c11.encode(out, g11.apply(value));
                c12.encode(out, g12.apply(value));
                c13.encode(out, g13.apply(value));
                c14.encode(out, g14.apply(value));
                c15.encode(out, g15.apply(value));
                c16.encode(out, g16.apply(value));
            }

            @Override
            public int minSize() {
                return min;
            }
        };
    }

}
