package org.virtd.core.forward;

import io.netty.buffer.ByteBuf;
import org.virtd.core.driver.ClientIdentity;
import org.virtd.core.event.EventRegistry;
import org.virtd.core.server.BoundHandlers;
import org.virtd.core.server.Call;
import org.virtd.core.server.ConnectHandlers;
import org.virtd.core.server.Dispatcher;
import org.virtd.core.server.FrameHandler;
import org.virtd.core.server.RpcServer;
import org.virtd.core.server.Session;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.keepalive.KeepaliveProgram;
import org.virtd.rpc.message.MessageType;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.OpenArgs;
import org.virtd.rpc.remote.types.SetIdentityArgs;
import org.virtd.rpc.remote.types.TypedParam;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import static org.virtd.core.server.BoundHandlers.Mode.INLINE;
import static org.virtd.core.server.BoundHandlers.Mode.WORKER;

/**
 * What virtproxyd does with its clients' packets. Until a client has opened a connection, a small
 * dispatcher answers it (authentication, the keepalive probe, CONNECT_OPEN); the open is routed
 * to the daemon serving the URI, which gets the open and then the client's identity. From
 * then on the client's packets go to that daemon untouched — its keepalive excepted, which is
 * answered per hop — and the daemon's come back the same way. A UNIX client is then offered to
 * the daemon: a daemon of this project takes the client's socket itself, and the proxy drops out.
 */
public final class Forwarder implements FrameHandler {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Long enough for a socket-activated daemon to start and answer its first calls. */
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final int OPEN_READ_ONLY = 1;
    private static final int PROGRAM_OFFSET = 4;
    private static final int TYPE_OFFSET = 16;
    /**
     * Whether a UNIX client is handed to a daemon of ours once open, instead of forwarded for
     * its whole life; {@code VIRTD_PROXY_HANDOVER=0} keeps every client forwarded.
     */
    private static final boolean HANDOVER = !"0".equals(System.getenv("VIRTD_PROXY_HANDOVER"));

    private final Dispatcher dispatcher;
    private final Supplier<Router> router;
    private final Map<Session, BackendLink> links = new ConcurrentHashMap<>();

    public Forwarder(RpcServer server, Supplier<Router> router) {
        this.router = router;
        this.dispatcher = new Dispatcher(server, new EventRegistry(0), true, List.of(RemoteProgram.PROGRAM),
                this::bind);
    }

    private void bind(BoundHandlers t) {
        ConnectHandlers.bindAuthentication(t);
        t.core(RemoteProgram.CONNECT_SUPPORTS_FEATURE, INLINE, (c, feature) -> {
            if (feature == ConnectHandlers.FEATURE_PROGRAM_KEEPALIVE) {
                c.session().keepalive().start();
                return 1;
            }
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "hypervisor connection not open");
        });
        t.core(RemoteProgram.CONNECT_OPEN, WORKER, this::open);
    }

    @Override
    public void frame(Session session, ByteBuf packet) {
        BackendLink link = links.get(session);
        if (link == null || packet.getInt(PROGRAM_OFFSET) == KeepaliveProgram.PROGRAM.id()) {
            dispatcher.frame(session, packet);
        } else if (carriesFds(packet)) {
            link.forward(packet, session.takeReceivedFds());
        } else {
            link.forward(packet);
        }
    }

    private static boolean carriesFds(ByteBuf packet) {
        int type = packet.getInt(TYPE_OFFSET);
        return type == MessageType.CALL_WITH_FDS.wire || type == MessageType.REPLY_WITH_FDS.wire;
    }

    @Override
    public void writabilityChanged(Session session, boolean writable) {
        BackendLink link = links.get(session);
        if (link != null) {
            link.clientWritable(writable);
        }
    }

    @Override
    public void disconnected(Session session) {
        BackendLink link = links.remove(session);
        if (link != null) {
            link.close();
        }
        dispatcher.disconnected(session);
    }

    private Void open(Call c, OpenArgs args) throws VirtException {
        Session s = c.session();
        if (args.name() == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "connection not open");
        }
        boolean ro = s.readOnlySocket() || (args.flags() & OPEN_READ_ONLY) != 0;
        Router.Route route = router.get().route(args.name(), ro);
        BackendLink link = BackendLink.connect(s, route.socket(), CONNECT_TIMEOUT, s::close); // either side closing closes the other
        try {
            link.call(RemoteProgram.AUTH_LIST, null, CALL_TIMEOUT);
            link.call(RemoteProgram.CONNECT_OPEN, new OpenArgs(route.name(), args.flags() | (ro ? OPEN_READ_ONLY : 0)),
                    CALL_TIMEOUT);
            // libvirt passes the caller's identity right after the open (remoteOpenConn)
            List<TypedParam> identity = identity(s.identity(), s.peer().x509Dn());
            if (!identity.isEmpty()) {
                link.call(RemoteProgram.CONNECT_SET_IDENTITY, new SetIdentityArgs(identity, 0), CALL_TIMEOUT);
            }
        } catch (VirtException | RuntimeException e) {
            link.close();
            throw e;
        }
        links.put(s, link);
        link.startForwarding();
        if (s.isClosed() && links.remove(s) != null) {
            link.close();
        } else if (HANDOVER && s.peer().canPassFds()) {
            // once the client has its reply, a daemon of ours can take its socket: from then on
            // its calls no longer cross the proxy (libvirt's daemons decline and stay forwarded)
            c.afterReply(() -> s.executor().execute(link::offerClient));
        }
        return null;
    }

    /** The caller's identity for CONNECT_SET_IDENTITY: what the proxy learnt from its socket or TLS. */
    static List<TypedParam> identity(ClientIdentity who, String x509Dn) {
        List<TypedParam> params = new ArrayList<>();
        if (x509Dn != null) {
            params.add(TypedParam.ofString("x509-distinguished-name", x509Dn));
        }
        if (who.uid() >= 0) {
            params.add(TypedParam.ofULLong("unix-user-id", who.uid()));
        }
        if (who.gid() >= 0) {
            params.add(TypedParam.ofULLong("unix-group-id", who.gid()));
        }
        if (who.pid() > 0) {
            params.add(TypedParam.ofLLong("process-id", who.pid()));
            long start = startTime(who.pid());
            if (start >= 0) {
                params.add(TypedParam.ofULLong("process-time", start));
            }
        }
        return params;
    }

    /** The process's start time in clock ticks since boot (field 22 of /proc/PID/stat), as libvirt sends it. */
    private static long startTime(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] afterName = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(afterName[19]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
