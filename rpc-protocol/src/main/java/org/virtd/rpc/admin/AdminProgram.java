package org.virtd.rpc.admin;

import org.virtd.rpc.admin.types.ClientFlagsArgs;
import org.virtd.rpc.admin.types.ClientList;
import org.virtd.rpc.admin.types.ClientRef;
import org.virtd.rpc.admin.types.DaemonTimeoutArgs;
import org.virtd.rpc.admin.types.ListClientsArgs;
import org.virtd.rpc.admin.types.LoggingFilters;
import org.virtd.rpc.admin.types.LoggingOutputs;
import org.virtd.rpc.admin.types.LoggingSetArgs;
import org.virtd.rpc.admin.types.LookupClientArgs;
import org.virtd.rpc.admin.types.LookupServerArgs;
import org.virtd.rpc.admin.types.ServerFlagsArgs;
import org.virtd.rpc.admin.types.ServerList;
import org.virtd.rpc.admin.types.ServerParamsArgs;
import org.virtd.rpc.admin.types.ServerRef;
import org.virtd.rpc.message.Limits;
import org.virtd.rpc.program.Procedure;
import org.virtd.rpc.program.Program;
import org.virtd.rpc.remote.types.NeedResultsArgs;
import org.virtd.rpc.remote.types.TypedParam;
import org.virtd.rpc.xdr.Xdr;

import java.util.List;

/**
 * The ADMIN program (0x06900690 v1, admin_protocol.x, procedures.md §6) served on a daemon's
 * admin socket: servers, their thread pools, clients and limits, logging and the idle timeout.
 * There is no auth step and no read-only mode; CONNECT_OPEN is the first call.
 */
public final class AdminProgram {
    private AdminProgram() {
    }

    public static final int ID = 0x06900690;
    public static final int VERSION = 1;

    private static final Program.Builder P = Program.builder(ID, VERSION, "ADMIN");

    public static final Procedure<Integer, Void> CONNECT_OPEN =
            P.call(1, "CONNECT_OPEN", Xdr.UINT, Xdr.VOID).api("virAdmConnectOpen").beforeOpen().add();
    public static final Procedure<Void, Void> CONNECT_CLOSE =
            P.call(2, "CONNECT_CLOSE", Xdr.VOID, Xdr.VOID).api("virAdmConnectClose").add();
    public static final Procedure<Void, Long> CONNECT_GET_LIB_VERSION =
            P.call(3, "CONNECT_GET_LIB_VERSION", Xdr.VOID, Xdr.UHYPER).api("virAdmConnectGetLibVersion").add();
    public static final Procedure<NeedResultsArgs, ServerList> CONNECT_LIST_SERVERS =
            P.call(4, "CONNECT_LIST_SERVERS", Xdr.lazy(NeedResultsArgs.class), Xdr.lazy(ServerList.class))
                    .api("virAdmConnectListServers").add();
    public static final Procedure<LookupServerArgs, ServerRef> CONNECT_LOOKUP_SERVER =
            P.call(5, "CONNECT_LOOKUP_SERVER", Xdr.lazy(LookupServerArgs.class), Xdr.lazy(ServerRef.class))
                    .api("virAdmConnectLookupServer").add();
    public static final Procedure<ServerFlagsArgs, List<TypedParam>> SERVER_GET_THREADPOOL_PARAMETERS =
            P.call(6, "SERVER_GET_THREADPOOL_PARAMETERS", Xdr.lazy(ServerFlagsArgs.class),
                    TypedParam.list(Limits.ADMIN_SERVER_THREADPOOL_PARAMETERS_MAX))
                    .api("virAdmServerGetThreadPoolParameters").add();
    public static final Procedure<ServerParamsArgs, Void> SERVER_SET_THREADPOOL_PARAMETERS =
            P.call(7, "SERVER_SET_THREADPOOL_PARAMETERS", Xdr.lazy(ServerParamsArgs.class), Xdr.VOID)
                    .api("virAdmServerSetThreadPoolParameters").add();
    public static final Procedure<ListClientsArgs, ClientList> SERVER_LIST_CLIENTS =
            P.call(8, "SERVER_LIST_CLIENTS", Xdr.lazy(ListClientsArgs.class), Xdr.lazy(ClientList.class))
                    .api("virAdmServerListClients").add();
    public static final Procedure<LookupClientArgs, ClientRef> SERVER_LOOKUP_CLIENT =
            P.call(9, "SERVER_LOOKUP_CLIENT", Xdr.lazy(LookupClientArgs.class), Xdr.lazy(ClientRef.class))
                    .api("virAdmServerLookupClient").add();
    public static final Procedure<ClientFlagsArgs, List<TypedParam>> CLIENT_GET_INFO =
            P.call(10, "CLIENT_GET_INFO", Xdr.lazy(ClientFlagsArgs.class),
                    TypedParam.list(Limits.ADMIN_CLIENT_INFO_PARAMETERS_MAX)).api("virAdmClientGetInfo").add();
    public static final Procedure<ClientFlagsArgs, Void> CLIENT_CLOSE =
            P.call(11, "CLIENT_CLOSE", Xdr.lazy(ClientFlagsArgs.class), Xdr.VOID).api("virAdmClientClose").add();
    public static final Procedure<ServerFlagsArgs, List<TypedParam>> SERVER_GET_CLIENT_LIMITS =
            P.call(12, "SERVER_GET_CLIENT_LIMITS", Xdr.lazy(ServerFlagsArgs.class),
                    TypedParam.list(Limits.ADMIN_SERVER_CLIENT_LIMITS_MAX)).api("virAdmServerGetClientLimits").add();
    public static final Procedure<ServerParamsArgs, Void> SERVER_SET_CLIENT_LIMITS =
            P.call(13, "SERVER_SET_CLIENT_LIMITS", Xdr.lazy(ServerParamsArgs.class), Xdr.VOID)
                    .api("virAdmServerSetClientLimits").add();
    public static final Procedure<Integer, LoggingOutputs> CONNECT_GET_LOGGING_OUTPUTS =
            P.call(14, "CONNECT_GET_LOGGING_OUTPUTS", Xdr.UINT, Xdr.lazy(LoggingOutputs.class))
                    .api("virAdmConnectGetLoggingOutputs").add();
    public static final Procedure<Integer, LoggingFilters> CONNECT_GET_LOGGING_FILTERS =
            P.call(15, "CONNECT_GET_LOGGING_FILTERS", Xdr.UINT, Xdr.lazy(LoggingFilters.class))
                    .api("virAdmConnectGetLoggingFilters").add();
    public static final Procedure<LoggingSetArgs, Void> CONNECT_SET_LOGGING_OUTPUTS =
            P.call(16, "CONNECT_SET_LOGGING_OUTPUTS", Xdr.lazy(LoggingSetArgs.class), Xdr.VOID)
                    .api("virAdmConnectSetLoggingOutputs").add();
    public static final Procedure<LoggingSetArgs, Void> CONNECT_SET_LOGGING_FILTERS =
            P.call(17, "CONNECT_SET_LOGGING_FILTERS", Xdr.lazy(LoggingSetArgs.class), Xdr.VOID)
                    .api("virAdmConnectSetLoggingFilters").add();
    public static final Procedure<ServerFlagsArgs, Void> SERVER_UPDATE_TLS_FILES =
            P.call(18, "SERVER_UPDATE_TLS_FILES", Xdr.lazy(ServerFlagsArgs.class), Xdr.VOID)
                    .api("virAdmServerUpdateTlsFiles").add();
    public static final Procedure<DaemonTimeoutArgs, Void> CONNECT_SET_DAEMON_TIMEOUT =
            P.call(19, "CONNECT_SET_DAEMON_TIMEOUT", Xdr.lazy(DaemonTimeoutArgs.class), Xdr.VOID)
                    .api("virAdmConnectSetDaemonTimeout").add();

    public static final Program PROGRAM = P.build();
}
