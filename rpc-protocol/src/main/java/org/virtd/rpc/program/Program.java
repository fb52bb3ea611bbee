package org.virtd.rpc.program;

import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One RPC program (REMOTE, QEMU, ADMIN, KEEPALIVE...): its id, version and its procedures as a
 * table indexed by number, as libvirt's virNetServerProgram holds them. A program class declares
 * its procedures as static fields through a private {@link Builder} and builds the program last;
 * the builder rejects a duplicate number at class initialisation.
 */
public final class Program {
    private final int id;
    private final int version;
    private final String name;
    private final Procedure<?, ?>[] byNumber;
    private final List<Procedure<?, ?>> procedures;

    private Program(Builder b) {
        this.id = b.id;
        this.version = b.version;
        this.name = b.name;
        int max = 0;
        for (Procedure<?, ?> p : b.procedures) {
            max = Math.max(max, p.number());
        }
        this.byNumber = new Procedure<?, ?>[max + 1];
        for (Procedure<?, ?> p : b.procedures) {
            byNumber[p.number()] = p;
        }
        List<Procedure<?, ?>> sorted = new ArrayList<>(b.procedures);
        sorted.sort((x, y) -> Integer.compare(x.number(), y.number()));
        this.procedures = Collections.unmodifiableList(sorted);
    }

    public static Builder builder(int id, int version, String name) {
        return new Builder(id, version, name);
    }

    public int id() {
        return id;
    }

    public int version() {
        return version;
    }

    public String name() {
        return name;
    }

    /** The procedure with this number, or null (libvirt: "unknown procedure"). */
    public Procedure<?, ?> procedure(int number) {
        return number >= 0 && number < byNumber.length ? byNumber[number] : null;
    }

    /** All procedures in number order. */
    public List<Procedure<?, ?>> procedures() {
        return procedures;
    }

    @Override
    public String toString() {
        return String.format("%s(0x%08x v%d)", name, id, version);
    }

    /** Collects a program's declarations; see {@link Program}. */
    public static final class Builder {
        final int id;
        final int version;
        final String name;
        private final List<Procedure<?, ?>> procedures = new ArrayList<>();
        private final java.util.Set<Integer> numbers = new java.util.HashSet<>();
        private boolean built;

        private Builder(int id, int version, String name) {
            this.id = id;
            this.version = version;
            this.name = name;
        }

        /** A CALL answered by a REPLY. */
        public <A, R> Procedure.Builder<A, R> call(int number, String wireName, XdrCodec<A> args, XdrCodec<R> ret) {
            return new Procedure.Builder<>(this, number, wireName, ProcedureKind.CALL, args, ret);
        }

        /** An asynchronous MESSAGE (an event or a keepalive packet) with this body. */
        public <A> Procedure.Builder<A, Void> message(int number, String wireName, XdrCodec<A> body) {
            return new Procedure.Builder<>(this, number, wireName, ProcedureKind.MESSAGE, body, Xdr.VOID);
        }

        /**
         * A CALL known by number and name only: no handler can be bound to it, so the dispatcher
         * applies the read-only rule and then answers NO_SUPPORT naming its API.
         */
        public Procedure.Builder<Void, Void> unimplemented(int number, String wireName) {
            return new Procedure.Builder<>(this, number, wireName, ProcedureKind.CALL, Xdr.VOID, Xdr.VOID)
                    .layoutUnknown();
        }

        /**
         * Adds procedures declared apart from this builder (the domain event messages, declared
         * with their events) for the same program and version.
         */
        public void include(java.util.Collection<? extends Procedure<?, ?>> declared) {
            for (Procedure<?, ?> p : declared) {
                if (p.program() != id || p.version() != version) {
                    throw new IllegalStateException(name + ": " + p + " belongs to another program");
                }
                register(p);
            }
        }

        void register(Procedure<?, ?> p) {
            if (built) {
                throw new IllegalStateException(name + ": " + p + " declared after the program was built");
            }
            if (p.number() < 0 || !numbers.add(p.number())) {
                throw new IllegalStateException(name + ": duplicate or negative procedure number " + p);
            }
            procedures.add(p);
        }

        public Program build() {
            built = true;
            return new Program(this);
        }
    }
}
