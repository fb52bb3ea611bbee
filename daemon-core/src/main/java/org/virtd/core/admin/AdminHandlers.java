package org.virtd.core.admin;

import org.virtd.core.server.BoundHandlers;
import org.virtd.core.config.ServerSettings;
import org.virtd.core.server.RpcServer;
import org.virtd.core.server.Session;
import org.virtd.rpc.admin.AdminProgram;
import org.virtd.rpc.admin.types.ClientList;
import org.virtd.rpc.admin.types.ClientRef;
import org.virtd.rpc.admin.types.LoggingFilters;
import org.virtd.rpc.admin.types.LoggingOutputs;
import org.virtd.rpc.admin.types.ServerList;
import org.virtd.rpc.admin.types.ServerParamsArgs;
import org.virtd.rpc.admin.types.ServerRef;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.TypedParam;

import java.util.ArrayList;
import java.util.List;

import static org.virtd.core.server.BoundHandlers.Mode.INLINE;

/**
 * The ADMIN program (procedures.md §6): servers, their thread pools and client limits, clients,
 * logging and the idle timeout, as virt-admin drives them. Servers are listed admin first, then
 * the daemon's own, as libvirtd 9.0 lists them.
 */
public final class AdminHandlers {
    private final List<RpcServer> servers;
    private final AdminHooks hooks;

    public AdminHandlers(List<RpcServer> servers, AdminHooks hooks) {
        this.servers = servers;
        this.hooks = hooks;
    }

    public void bind(BoundHandlers t) {
        t.core(AdminProgram.CONNECT_OPEN, INLINE, (c, a) -> {
            c.session().adminOpened(true);
            return null;
        });
        t.core(AdminProgram.CONNECT_CLOSE, INLINE, (c, a) -> null);
        t.core(AdminProgram.CONNECT_GET_LIB_VERSION, INLINE, (c, a) -> 9_000_000L);
        t.core(AdminProgram.CONNECT_LIST_SERVERS, INLINE, (c, a) -> {
            List<ServerRef> refs = servers.stream().map(s -> new ServerRef(s.name())).toList();
            return new ServerList(a.needResults() != 0 ? refs : List.of(), refs.size());
        });
        t.core(AdminProgram.CONNECT_LOOKUP_SERVER, INLINE, (c, a) -> new ServerRef(server(a.name()).name()));
        t.core(AdminProgram.SERVER_GET_THREADPOOL_PARAMETERS, INLINE, (c, a) -> threadPool(server(a.server().name())));
        t.core(AdminProgram.SERVER_SET_THREADPOOL_PARAMETERS, INLINE, (c, a) -> {
            setThreadPool(a);
            return null;
        });
        t.core(AdminProgram.SERVER_LIST_CLIENTS, INLINE, (c, a) -> {
            RpcServer s = server(a.server().name());
            List<ClientRef> refs = s.sessions().stream().map(x -> ref(s, x)).toList();
            return new ClientList(a.needResults() != 0 ? refs : List.of(), refs.size());
        });
        t.core(AdminProgram.SERVER_LOOKUP_CLIENT, INLINE, (c, a) -> {
            RpcServer s = server(a.server().name());
            return ref(s, client(s, a.id()));
        });
        t.core(AdminProgram.CLIENT_GET_INFO, INLINE, (c, a) -> {
            RpcServer s = server(a.client().server().name());
            return ClientInfo.of(client(s, a.client().id()));
        });
        t.core(AdminProgram.CLIENT_CLOSE, INLINE, (c, a) -> {
            RpcServer s = server(a.client().server().name());
            client(s, a.client().id()).close();
            return null;
        });
        t.core(AdminProgram.SERVER_GET_CLIENT_LIMITS, INLINE, (c, a) -> clientLimits(server(a.server().name())));
        t.core(AdminProgram.SERVER_SET_CLIENT_LIMITS, INLINE, (c, a) -> {
            setClientLimits(a);
            return null;
        });
        t.core(AdminProgram.CONNECT_GET_LOGGING_OUTPUTS, INLINE,
                (c, a) -> new LoggingOutputs(hooks.logOutputs(), hooks.logOutputCount()));
        t.core(AdminProgram.CONNECT_GET_LOGGING_FILTERS, INLINE,
                (c, a) -> new LoggingFilters(hooks.logFilters(), hooks.logFilterCount()));
        t.core(AdminProgram.CONNECT_SET_LOGGING_OUTPUTS, INLINE, (c, a) -> {
            hooks.setLogOutputs(a.value());
            return null;
        });
        t.core(AdminProgram.CONNECT_SET_LOGGING_FILTERS, INLINE, (c, a) -> {
            hooks.setLogFilters(a.value());
            return null;
        });
        t.core(AdminProgram.SERVER_UPDATE_TLS_FILES, INLINE, (c, a) -> {
            hooks.updateTlsFiles(server(a.server().name()).name());
            return null;
        });
        t.core(AdminProgram.CONNECT_SET_DAEMON_TIMEOUT, INLINE, (c, a) -> {
            hooks.setDaemonTimeout(a.timeout());
            return null;
        });
    }

    private RpcServer server(String name) throws VirtException {
        for (RpcServer s : servers) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        throw new VirtException(ErrorCode.NO_SERVER, ErrorDomain.RPC, "No server named '" + name + "'");
    }

    private static Session client(RpcServer s, long id) throws VirtException {
        Session x = s.session(id);
        if (x == null) {
            throw new VirtException(ErrorCode.NO_CLIENT, ErrorDomain.RPC, "No client with matching ID '" + id + "'");
        }
        return x;
    }

    private static ClientRef ref(RpcServer s, Session x) {
        return new ClientRef(new ServerRef(s.name()), x.id(), x.connectedAt(), x.peer().transport());
    }

    private static List<TypedParam> threadPool(RpcServer s) {
        RpcServer.ThreadPoolInfo p = s.threadPool();
        return List.of(TypedParam.ofUInt("minWorkers", p.minWorkers()),
                TypedParam.ofUInt("maxWorkers", p.maxWorkers()),
                TypedParam.ofUInt("nWorkers", p.workers()),
                TypedParam.ofUInt("freeWorkers", p.freeWorkers()),
                TypedParam.ofUInt("prioWorkers", p.prioWorkers()),
                TypedParam.ofUInt("jobQueueDepth", p.queueDepth()));
    }

    private void setThreadPool(ServerParamsArgs a) throws VirtException {
        RpcServer s = server(a.server().name());
        ServerSettings cur = s.settings();
        int min = cur.minWorkers();
        int max = cur.maxWorkers();
        int prio = cur.prioWorkers();
        for (TypedParam p : a.params()) {
            switch (p.field()) {
                case "minWorkers" -> min = uint(p);
                case "maxWorkers" -> max = uint(p);
                case "prioWorkers" -> prio = uint(p);
                default -> throw unsupported(p);
            }
        }
        if (min > max) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "minWorkers cannot be larger than maxWorkers");
        }
        if (max == 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "maxWorkers must be greater than 0");
        }
        s.updateSettings(cur.withWorkers(min, max, prio));
    }

    private static List<TypedParam> clientLimits(RpcServer s) {
        ServerSettings cur = s.settings();
        List<TypedParam> out = new ArrayList<>();
        out.add(TypedParam.ofUInt("nclients_max", cur.maxClients()));
        out.add(TypedParam.ofUInt("nclients", s.clientCount()));
        out.add(TypedParam.ofUInt("nclients_unauth_max", cur.maxAnonymousClients()));
        out.add(TypedParam.ofUInt("nclients_unauth", s.unauthenticatedCount()));
        return out;
    }

    private void setClientLimits(ServerParamsArgs a) throws VirtException {
        RpcServer s = server(a.server().name());
        ServerSettings cur = s.settings();
        int max = cur.maxClients();
        int unauth = cur.maxAnonymousClients();
        for (TypedParam p : a.params()) {
            switch (p.field()) {
                case "nclients_max" -> max = uint(p);
                case "nclients_unauth_max" -> unauth = uint(p);
                default -> throw unsupported(p);
            }
        }
        if (unauth > max) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                    "The overall maximum number of clients must be greater than the maximum number of clients waiting for authentication");
        }
        s.updateSettings(cur.withClientLimits(max, unauth));
    }

    private static int uint(TypedParam p) throws VirtException {
        if (p.type() != TypedParam.Type.UINT) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                    "invalid type '" + p.type().label() + "' for parameter '" + p.field() + "', expected 'uint'");
        }
        return p.intValue();
    }

    private static VirtException unsupported(TypedParam p) {
        return new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.NONE,
                "parameter '" + p.field() + "' not supported");
    }
}
