package org.virtd.rpc.program;

import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * One procedure of one program, declared once and read by everyone: the dispatcher, the proxy,
 * the test client. Mirrors an entry of libvirt's procedure enum with its annotations
 * (procedures.md gives number, layout, read-only rule and priority).
 *
 * <p>For a {@link ProcedureKind#MESSAGE} procedure, {@link #args()} is the message body and
 * {@link #ret()} is {@code VOID}.
 *
 * @param <A> the call's arguments (or the message body)
 * @param <R> the reply's return value
 */
public final class Procedure<A, R> {
    private final int program;
    private final int version;
    private final int number;
    private final String name;
    /** Derived from the wire name when first asked for (it only appears in messages). */
    private String api;
    private final ProcedureKind kind;
    private final XdrCodec<A> args;
    private final XdrCodec<R> ret;
    private final boolean layoutKnown;
    private final boolean readOnlyAllowed;
    private final Predicate<A> readOnlyDeniedFor;
    /** The refusal's detail with {@code %s} for the API name. */
    private final String readOnlyDeniedDetail;
    private final ErrorDomain refusalDomain;
    private final boolean beforeOpen;
    private final boolean beforeAuth;
    private final Priority priority;
    private final StreamKind stream;

    private Procedure(Builder<A, R> b) {
        this.program = b.program;
        this.version = b.version;
        this.number = b.number;
        this.name = b.name;
        this.api = b.api;
        this.kind = b.kind;
        this.args = b.args;
        this.ret = b.ret;
        this.layoutKnown = b.layoutKnown;
        this.readOnlyAllowed = b.readOnlyAllowed;
        this.readOnlyDeniedFor = b.readOnlyDeniedFor;
        this.readOnlyDeniedDetail = b.readOnlyDeniedDetail;
        this.refusalDomain = b.refusalDomain != null ? b.refusalDomain : ApiNames.refusalDomain(b.name, b.program);
        this.beforeOpen = b.beforeOpen;
        this.beforeAuth = b.beforeAuth;
        this.priority = b.priority;
        this.stream = b.stream;
    }

    public int program() {
        return program;
    }

    public int version() {
        return version;
    }

    public int number() {
        return number;
    }

    /** The wire name, e.g. {@code DOMAIN_LOOKUP_BY_NAME}. */
    public String name() {
        return name;
    }

    /** The public API name used in messages, e.g. {@code virDomainLookupByName}. */
    public String api() {
        String a = api;
        if (a == null) {
            a = ApiNames.of(name);
            api = a;
        }
        return a;
    }

    public ProcedureKind kind() {
        return kind;
    }

    public XdrCodec<A> args() {
        return args;
    }

    public XdrCodec<R> ret() {
        return ret;
    }

    /** False for procedures declared by number and name only: their arguments are not decoded. */
    public boolean layoutKnown() {
        return layoutKnown;
    }

    /**
     * The detail of the OPERATION_DENIED refusal this call gets on a read-only connection, or
     * null when it is allowed there. Checked after decoding, before any driver work.
     */
    public String readOnlyRefusal(A decodedArgs) {
        if (!readOnlyAllowed) {
            return "read only access prevents " + api();
        }
        if (readOnlyDeniedFor != null && decodedArgs != null && readOnlyDeniedFor.test(decodedArgs)) {
            return String.format(readOnlyDeniedDetail, api());
        }
        return null;
    }

    public boolean readOnlyAllowed() {
        return readOnlyAllowed;
    }

    /** The error domain of refusals raised on behalf of this API (read-only, no support). */
    public ErrorDomain refusalDomain() {
        return refusalDomain;
    }

    /** Callable before CONNECT_OPEN (auth, feature probes, the open itself). */
    public boolean beforeOpen() {
        return beforeOpen;
    }

    /** Callable before authentication has completed (libvirt: 66–70 only). */
    public boolean beforeAuth() {
        return beforeAuth;
    }

    public Priority priority() {
        return priority;
    }

    public StreamKind stream() {
        return stream;
    }

    @Override
    public String toString() {
        return name + "(" + number + ")";
    }

    /** Fluent declaration, finished by {@link #add()} which registers it with its program. */
    public static final class Builder<A, R> {
        private final Program.Builder owner;
        private final int program;
        private final int version;
        private final int number;
        private final String name;
        private final ProcedureKind kind;
        private final XdrCodec<A> args;
        private final XdrCodec<R> ret;
        private boolean layoutKnown = true;
        private String api;
        private boolean readOnlyAllowed = true;
        private Predicate<A> readOnlyDeniedFor;
        private String readOnlyDeniedDetail;
        private ErrorDomain refusalDomain;
        private boolean beforeOpen;
        private boolean beforeAuth;
        private Priority priority = Priority.LOW;
        private StreamKind stream = StreamKind.NONE;

        Builder(Program.Builder owner, int number, String name, ProcedureKind kind, XdrCodec<A> args,
                XdrCodec<R> ret) {
            this.owner = owner;
            this.program = owner.id;
            this.version = owner.version;
            this.number = number;
            this.name = Objects.requireNonNull(name);
            this.kind = kind;
            this.args = Objects.requireNonNull(args);
            this.ret = Objects.requireNonNull(ret);
        }

        Builder<A, R> layoutUnknown() {
            this.layoutKnown = false;
            return this;
        }

        /** Overrides the mechanically derived public API name. */
        public Builder<A, R> api(String apiName) {
            this.api = apiName;
            return this;
        }

        public Builder<A, R> high() {
            this.priority = Priority.HIGH;
            return this;
        }

        /** Refused on read-only connections (procedures.md RO column "DENY"). */
        public Builder<A, R> denyReadOnly() {
            this.readOnlyAllowed = false;
            return this;
        }

        /**
         * Allowed on read-only connections unless the arguments match (e.g. asking the guest
         * agent): then refused as the whole API would be, "read only access prevents <api>".
         */
        public Builder<A, R> denyReadOnlyIf(Predicate<A> when) {
            return denyReadOnlyIf(when, "read only access prevents %s");
        }

        /**
         * Allowed on read-only connections unless a SECURE flag is set: libvirt's XML getters
         * then refuse with "<api> with secure flag".
         */
        public Builder<A, R> denyReadOnlyIfSecure(Predicate<A> when) {
            return denyReadOnlyIf(when, "%s with secure flag");
        }

        /** {@code detailOfApi} gets the API name for its {@code %s}. */
        private Builder<A, R> denyReadOnlyIf(Predicate<A> when, String detailOfApi) {
            this.readOnlyDeniedFor = when;
            this.readOnlyDeniedDetail = detailOfApi;
            return this;
        }

        public Builder<A, R> refusalDomain(ErrorDomain domain) {
            this.refusalDomain = domain;
            return this;
        }

        public Builder<A, R> beforeOpen() {
            this.beforeOpen = true;
            return this;
        }

        /** Callable before authentication (and therefore before open). */
        public Builder<A, R> beforeAuth() {
            this.beforeAuth = true;
            this.beforeOpen = true;
            return this;
        }

        public Builder<A, R> stream(StreamKind kind) {
            this.stream = kind;
            return this;
        }

        public Procedure<A, R> add() {
            Procedure<A, R> p = new Procedure<>(this);
            owner.register(p);
            return p;
        }
    }
}
