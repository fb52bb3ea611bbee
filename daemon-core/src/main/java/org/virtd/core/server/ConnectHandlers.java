package org.virtd.core.server;

import org.virtd.core.driver.ClientIdentity;
import org.virtd.core.driver.Driver;
import org.virtd.core.driver.DriverConnection;
import org.virtd.core.driver.OpenRequest;
import org.virtd.core.event.EventRegistry;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.OpenArgs;
import org.virtd.rpc.remote.types.SetIdentityArgs;
import org.virtd.rpc.remote.types.TypedParam;

import java.util.List;
import java.util.Map;

import static org.virtd.core.server.BoundHandlers.Mode.INLINE;
import static org.virtd.core.server.BoundHandlers.Mode.WORKER;

/**
 * The REMOTE procedures a daemon answers itself, whatever its driver (libvirt's hand-written
 * dispatchers in remote_daemon_dispatch.c): authentication with {@code none}, open and close,
 * feature probes, the library version, close callbacks, identity and event registration.
 * Cheap ones run on the event loop; open, which calls into the driver, runs on a worker.
 */
public final class ConnectHandlers {
    /** The API level we implement: libvirt 9.0.0. */
    static final long LIB_VERSION = 9_000_000L;

    /** CONNECT_SUPPORTS_FEATURE numbers the daemon itself answers 1 to (procedures.md §2). */
    private static final int FEATURE_FD_PASSING = 8;
    public static final int FEATURE_PROGRAM_KEEPALIVE = 10;
    private static final int FEATURE_REMOTE_EVENT_CALLBACK = 14;
    private static final int FEATURE_REMOTE_CLOSE_CALLBACK = 15;

    private static final int AUTH_NONE = 0;
    private static final int OPEN_READ_ONLY = 1;

    /** CONNECT_SET_IDENTITY keys and their types ([H libvirt-host.h]). */
    private static final Map<String, TypedParam.Type> IDENTITY_KEYS = Map.of(
            "user-name", TypedParam.Type.STRING,
            "unix-user-id", TypedParam.Type.ULLONG,
            "group-name", TypedParam.Type.STRING,
            "unix-group-id", TypedParam.Type.ULLONG,
            "process-id", TypedParam.Type.LLONG,
            "process-time", TypedParam.Type.ULLONG,
            "sasl-user-name", TypedParam.Type.STRING,
            "x509-distinguished-name", TypedParam.Type.STRING,
            "selinux-context", TypedParam.Type.STRING);

    private final Driver driver;
    private final EventRegistry events;

    ConnectHandlers(Driver driver, EventRegistry events) {
        this.driver = driver;
        this.events = events;
    }

    void bind(BoundHandlers t) {
        bindAuthentication(t);
        t.core(RemoteProgram.CONNECT_SUPPORTS_FEATURE, INLINE, this::supportsFeature);
        t.core(RemoteProgram.CONNECT_OPEN, WORKER, this::open);
        t.core(RemoteProgram.CONNECT_CLOSE, INLINE, (c, a) -> {
            c.session().closeConnection();
            return null;
        });
        t.core(RemoteProgram.CONNECT_GET_TYPE, INLINE, (c, a) -> driver.name());
        t.core(RemoteProgram.CONNECT_GET_LIB_VERSION, INLINE, (c, a) -> LIB_VERSION);
        t.core(RemoteProgram.CONNECT_GET_URI, INLINE, (c, a) -> c.session().connection().uri());
        t.core(RemoteProgram.CONNECT_IS_SECURE, INLINE, (c, a) -> c.session().peer().transport() == 1 ? 0 : 1);
        t.core(RemoteProgram.CONNECT_REGISTER_CLOSE_CALLBACK, INLINE, (c, a) -> {
            c.session().closeCallback(true);
            return null;
        });
        t.core(RemoteProgram.CONNECT_UNREGISTER_CLOSE_CALLBACK, INLINE, (c, a) -> {
            c.session().closeCallback(false);
            return null;
        });
        t.core(RemoteProgram.CONNECT_SET_IDENTITY, INLINE, this::setIdentity);
        bindEvents(t);
    }

    /** Authentication with {@code none}, as every daemon answers it before anything else. */
    public static void bindAuthentication(BoundHandlers t) {
        t.core(RemoteProgram.AUTH_LIST, INLINE, (c, a) -> List.of(AUTH_NONE));
        t.core(RemoteProgram.AUTH_POLKIT, INLINE, (c, a) -> {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                    "Library function returned error but did not set virError");
        });
        t.core(RemoteProgram.AUTH_SASL_INIT, INLINE, (c, a) -> saslUnavailable());
        t.core(RemoteProgram.AUTH_SASL_START, INLINE, (c, a) -> saslUnavailable());
        t.core(RemoteProgram.AUTH_SASL_STEP, INLINE, (c, a) -> saslUnavailable());
    }

    private void bindEvents(BoundHandlers t) {
        t.core(RemoteProgram.CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY, INLINE,
                (c, a) -> events.register(c.session(), a.eventID(), a.domain()));
        t.core(RemoteProgram.CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY, INLINE, (c, id) -> {
            events.deregister(c.session(), id);
            return null;
        });
        t.core(RemoteProgram.CONNECT_DOMAIN_EVENT_REGISTER_ANY, INLINE, (c, id) -> {
            events.registerLegacy(c.session(), id);
            return null;
        });
        t.core(RemoteProgram.CONNECT_DOMAIN_EVENT_DEREGISTER_ANY, INLINE, (c, id) -> {
            events.deregisterLegacy(c.session(), id);
            return null;
        });
        t.core(RemoteProgram.CONNECT_DOMAIN_EVENT_REGISTER, INLINE, (c, a) -> {
            events.registerLegacy(c.session(), 0);
            return null;
        });
        t.core(RemoteProgram.CONNECT_DOMAIN_EVENT_DEREGISTER, INLINE, (c, a) -> {
            events.deregisterLegacy(c.session(), 0);
            return null;
        });
    }

    private Integer supportsFeature(Call c, Integer feature) throws VirtException {
        if (feature == FEATURE_PROGRAM_KEEPALIVE) {
            c.session().keepalive().start();
            return 1;
        }
        if (c.session().connection() == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "hypervisor connection not open");
        }
        return switch (feature) {
            case FEATURE_FD_PASSING, FEATURE_REMOTE_EVENT_CALLBACK, FEATURE_REMOTE_CLOSE_CALLBACK -> 1;
            default -> driver.supportsFeature(feature) ? 1 : 0;
        };
    }

    private Void open(Call c, OpenArgs args) throws VirtException {
        Session s = c.session();
        if (s.connection() != null) {
            s.closeConnection(); // libvirtd 9.0 drops the first connection too
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "connection already open");
        }
        if (args.name() == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "connection not open");
        }
        if (!driver.accepts(args.name())) {
            throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.NONE, args.name());
        }
        boolean ro = s.readOnlySocket() || (args.flags() & OPEN_READ_ONLY) != 0;
        DriverConnection conn = driver.open(new OpenRequest(args.name(), args.flags(), ro, s.identity()));
        s.open(conn, ro);
        return null;
    }

    private Void setIdentity(Call c, SetIdentityArgs args) throws VirtException {
        long uid = c.identity().uid();
        long gid = c.identity().gid();
        long pid = c.identity().pid();
        for (TypedParam p : args.params()) {
            TypedParam.Type want = IDENTITY_KEYS.get(p.field());
            if (want == null) {
                throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.NONE,
                        "parameter '" + p.field() + "' not supported");
            }
            if (p.type() != want) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "invalid type '" + p.type().label()
                        + "' for parameter '" + p.field() + "', expected '" + want.label() + "'");
            }
            switch (p.field()) {
                case "unix-user-id" -> uid = p.longValue();
                case "unix-group-id" -> gid = p.longValue();
                case "process-id" -> pid = p.longValue();
                default -> {
                }
            }
        }
        c.session().identity(new ClientIdentity(uid, gid, pid));
        return null;
    }

    private static <T> T saslUnavailable() throws VirtException {
        throw new VirtException(ErrorCode.AUTH_FAILED, ErrorDomain.RPC, "SASL authentication is not enabled on this socket");
    }
}
