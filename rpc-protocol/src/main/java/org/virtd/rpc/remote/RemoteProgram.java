package org.virtd.rpc.remote;

import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.message.Limits;
import org.virtd.rpc.program.Procedure;
import org.virtd.rpc.program.Program;
import org.virtd.rpc.program.StreamKind;
import org.virtd.rpc.remote.types.AllDomainStatsArgs;
import org.virtd.rpc.remote.types.AuthSaslResult;
import org.virtd.rpc.remote.types.AuthSaslStartArgs;
import org.virtd.rpc.remote.types.NetworkPortCreateArgs;
import org.virtd.rpc.remote.types.NetworkPortFlagsArgs;
import org.virtd.rpc.remote.types.NetworkPortRef;
import org.virtd.rpc.remote.types.AuthSaslStepArgs;
import org.virtd.rpc.remote.types.BaselineCpuArgs;
import org.virtd.rpc.remote.types.BaselineHypervisorCpuArgs;
import org.virtd.rpc.remote.types.BlockInfo;
import org.virtd.rpc.remote.types.CompareHypervisorCpuArgs;
import org.virtd.rpc.remote.types.BlockPeekArgs;
import org.virtd.rpc.remote.types.BlockStatsFlagsArgs;
import org.virtd.rpc.remote.types.CpuMaps;
import org.virtd.rpc.remote.types.CpuStatsArgs;
import org.virtd.rpc.remote.types.EmulatorPinInfoArgs;
import org.virtd.rpc.remote.types.MemoryPeekArgs;
import org.virtd.rpc.remote.types.PinEmulatorArgs;
import org.virtd.rpc.remote.types.PinVcpuArgs;
import org.virtd.rpc.remote.types.VcpuPinInfoArgs;
import org.virtd.rpc.remote.types.BlockStats;
import org.virtd.rpc.remote.types.CallbackRegisterArgs;
import org.virtd.rpc.remote.types.CellsFreeMemoryArgs;
import org.virtd.rpc.remote.types.BackupBeginArgs;
import org.virtd.rpc.remote.types.CheckpointFlagsArgs;
import org.virtd.rpc.remote.types.CheckpointList;
import org.virtd.rpc.remote.types.CheckpointNeedResultsArgs;
import org.virtd.rpc.remote.types.CheckpointRef;
import org.virtd.rpc.remote.types.ControlInfo;
import org.virtd.rpc.remote.types.CountedParams;
import org.virtd.rpc.remote.types.BlockResizeArgs;
import org.virtd.rpc.remote.types.DeviceNParamsArgs;
import org.virtd.rpc.remote.types.DeviceParamsArgs;
import org.virtd.rpc.remote.types.CpuModelNames;
import org.virtd.rpc.remote.types.CpuModelNamesArgs;
import org.virtd.rpc.remote.types.DomainCapabilitiesArgs;
import org.virtd.rpc.remote.types.DomainXmlToNativeArgs;
import org.virtd.rpc.remote.types.DomainEventKind;
import org.virtd.rpc.remote.types.DomainFlagsArgs;
import org.virtd.rpc.remote.types.DomainInfo;
import org.virtd.rpc.remote.types.DomainIntArgs;
import org.virtd.rpc.remote.types.DomainInterface;
import org.virtd.rpc.remote.types.DomainList;
import org.virtd.rpc.remote.types.DomainMemoryArgs;
import org.virtd.rpc.remote.types.DomainMemoryFlagsArgs;
import org.virtd.rpc.remote.types.DomainNParamsFlagsArgs;
import org.virtd.rpc.remote.types.DomainParamsFlagsArgs;
import org.virtd.rpc.remote.types.DomainPathArgs;
import org.virtd.rpc.remote.types.DomainPathFlagsArgs;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.DomainState;
import org.virtd.rpc.remote.types.DomainStatsRecord;
import org.virtd.rpc.remote.types.DomainTime;
import org.virtd.rpc.remote.types.DomainVcpusFlagsArgs;
import org.virtd.rpc.remote.types.DomainXmlArgs;
import org.virtd.rpc.remote.types.DomainXmlFlagsArgs;
import org.virtd.rpc.remote.types.GetMetadataArgs;
import org.virtd.rpc.remote.types.GetVcpusArgs;
import org.virtd.rpc.remote.types.GuestInfoArgs;
import org.virtd.rpc.remote.types.SetTimeArgs;
import org.virtd.rpc.remote.types.FsFreezeArgs;
import org.virtd.rpc.remote.types.FsInfoList;
import org.virtd.rpc.remote.types.SetUserPasswordArgs;
import org.virtd.rpc.remote.types.SetGuestVcpusArgs;
import org.virtd.rpc.remote.types.AgentTimeoutArgs;
import org.virtd.rpc.remote.types.InterfaceAddressesArgs;
import org.virtd.rpc.remote.types.InterfaceStats;
import org.virtd.rpc.remote.types.JobInfo;
import org.virtd.rpc.remote.types.JobStats;
import org.virtd.rpc.remote.types.MemoryStat;
import org.virtd.rpc.remote.types.MemoryStatsArgs;
import org.virtd.rpc.remote.types.MigrateValueArgs;
import org.virtd.rpc.remote.types.OpenGraphicsFdArgs;
import org.virtd.rpc.remote.types.NParamsFlagsArgs;
import org.virtd.rpc.remote.types.NeedResultsArgs;
import org.virtd.rpc.remote.types.InterfaceRef;
import org.virtd.rpc.remote.types.NameUuidRef;
import org.virtd.rpc.remote.types.NodeDeviceCountArgs;
import org.virtd.rpc.remote.types.NodeDeviceListArgs;
import org.virtd.rpc.remote.types.ObjectList;
import org.virtd.rpc.remote.types.ObjectEventArgs;
import org.virtd.rpc.remote.types.NwfilterBindingRef;
import org.virtd.rpc.remote.types.SecretUsageArgs;
import org.virtd.rpc.remote.types.StorageVolRef;
import org.virtd.rpc.remote.types.WwnLookupArgs;
import org.virtd.rpc.remote.types.SecretRef;
import org.virtd.rpc.remote.types.NodeCpuMap;
import org.virtd.rpc.remote.types.NodeCpuMapArgs;
import org.virtd.rpc.remote.types.NodeCpuStatsArgs;
import org.virtd.rpc.remote.types.NodeInfo;
import org.virtd.rpc.remote.types.NodeMemoryStatsArgs;
import org.virtd.rpc.remote.types.NodeStats;
import org.virtd.rpc.remote.types.OpenArgs;
import org.virtd.rpc.remote.types.OpenChannelArgs;
import org.virtd.rpc.remote.types.OpenConsoleArgs;
import org.virtd.rpc.remote.types.RemoteProtocol;
import org.virtd.rpc.remote.types.RenameArgs;
import org.virtd.rpc.remote.types.RestoreFlagsArgs;
import org.virtd.rpc.remote.types.SaveFlagsArgs;
import org.virtd.rpc.remote.types.SaveParamsArgs;
import org.virtd.rpc.remote.types.RestoreParamsArgs;
import org.virtd.rpc.remote.types.SaveImageDefineArgs;
import org.virtd.rpc.remote.types.SaveImageXmlArgs;
import org.virtd.rpc.remote.types.CoreDumpFormatArgs;
import org.virtd.rpc.remote.types.ManagedSaveDefineArgs;
import org.virtd.rpc.remote.types.SchedulerType;
import org.virtd.rpc.remote.types.ScreenshotArgs;
import org.virtd.rpc.remote.types.SecurityLabel;
import org.virtd.rpc.remote.types.SecurityLabelList;
import org.virtd.rpc.remote.types.SecurityModel;
import org.virtd.rpc.remote.types.SendKeyArgs;
import org.virtd.rpc.remote.types.SetIdentityArgs;
import org.virtd.rpc.remote.types.SetMetadataArgs;
import org.virtd.rpc.remote.types.SnapshotChildrenNamesArgs;
import org.virtd.rpc.remote.types.SnapshotFlagsArgs;
import org.virtd.rpc.remote.types.SnapshotList;
import org.virtd.rpc.remote.types.SnapshotNeedResultsArgs;
import org.virtd.rpc.remote.types.DomainNeedResultsArgs;
import org.virtd.rpc.remote.types.SnapshotListNamesArgs;
import org.virtd.rpc.remote.types.SnapshotLookupArgs;
import org.virtd.rpc.remote.types.SnapshotRef;
import org.virtd.rpc.remote.types.TypedParam;
import org.virtd.rpc.remote.types.BlockBandwidthArgs;
import org.virtd.rpc.remote.types.BlockCommitArgs;
import org.virtd.rpc.remote.types.BlockCopyArgs;
import org.virtd.rpc.remote.types.BlockJobInfo;
import org.virtd.rpc.remote.types.BlockJobPathArgs;
import org.virtd.rpc.remote.types.BlockRebaseArgs;
import org.virtd.rpc.remote.types.VcpuInfoList;
import org.virtd.rpc.remote.types.XmlFlagsArgs;
import org.virtd.rpc.xdr.Xdr;

import java.util.List;

/**
 * The REMOTE program (0x20008086 v1, remote_protocol.x): every procedure of libvirt 9.0 by
 * number, with layout, read-only rule, priority and stream kind from procedures.md §1. This
 * class is a declaration table, one field per procedure named by its wire name; procedures we
 * do not serve are declared by number and name in {@link RemoteUnimplemented} so that the
 * read-only rule still answers before "not supported".
 */
public final class RemoteProgram {
    private RemoteProgram() {
    }

    public static final int ID = RemoteProtocol.PROGRAM;
    public static final int VERSION = RemoteProtocol.VERSION;

    private static final Program.Builder P = Program.builder(ID, VERSION, RemoteProtocol.NAME);

    // ---- §1a connection / host ----

    public static final Procedure<OpenArgs, Void> CONNECT_OPEN =
            P.call(1, "CONNECT_OPEN", Xdr.lazy(OpenArgs.class), Xdr.VOID).beforeOpen().high().add();
    public static final Procedure<Void, Void> CONNECT_CLOSE =
            P.call(2, "CONNECT_CLOSE", Xdr.VOID, Xdr.VOID).high().add();
    public static final Procedure<Void, String> CONNECT_GET_TYPE =
            P.call(3, "CONNECT_GET_TYPE", Xdr.VOID, Xdr.STRING).high().add();
    public static final Procedure<Void, Long> CONNECT_GET_VERSION =
            P.call(4, "CONNECT_GET_VERSION", Xdr.VOID, Xdr.UHYPER).high().add();
    public static final Procedure<String, Integer> CONNECT_GET_MAX_VCPUS =
            P.call(5, "CONNECT_GET_MAX_VCPUS", Xdr.OPT_STRING, Xdr.INT).high().add();
    public static final Procedure<Void, NodeInfo> NODE_GET_INFO =
            P.call(6, "NODE_GET_INFO", Xdr.VOID, Xdr.lazy(NodeInfo.class)).high().add();
    public static final Procedure<Void, String> CONNECT_GET_CAPABILITIES =
            P.call(7, "CONNECT_GET_CAPABILITIES", Xdr.VOID, Xdr.STRING).add();
    public static final Procedure<Void, String> CONNECT_GET_HOSTNAME =
            P.call(59, "CONNECT_GET_HOSTNAME", Xdr.VOID, Xdr.STRING).high().add();
    /** Answered before CONNECT_OPEN for feature 10 (PROGRAM_KEEPALIVE) only; procedures.md §2. */
    public static final Procedure<Integer, Integer> CONNECT_SUPPORTS_FEATURE =
            P.call(60, "CONNECT_SUPPORTS_FEATURE", Xdr.INT, Xdr.INT).beforeOpen().high().add();
    public static final Procedure<Void, List<Integer>> AUTH_LIST =
            P.call(66, "AUTH_LIST", Xdr.VOID, Xdr.array(Xdr.INT, Limits.AUTH_TYPE_LIST_MAX)).beforeAuth().high().add();
    public static final Procedure<Void, String> AUTH_SASL_INIT =
            P.call(67, "AUTH_SASL_INIT", Xdr.VOID, Xdr.STRING).beforeAuth().high().add();
    public static final Procedure<AuthSaslStartArgs, AuthSaslResult> AUTH_SASL_START =
            P.call(68, "AUTH_SASL_START", Xdr.lazy(AuthSaslStartArgs.class), Xdr.lazy(AuthSaslResult.class)).beforeAuth().high().add();
    public static final Procedure<AuthSaslStepArgs, AuthSaslResult> AUTH_SASL_STEP =
            P.call(69, "AUTH_SASL_STEP", Xdr.lazy(AuthSaslStepArgs.class), Xdr.lazy(AuthSaslResult.class)).beforeAuth().high().add();
    public static final Procedure<Void, Integer> AUTH_POLKIT =
            P.call(70, "AUTH_POLKIT", Xdr.VOID, Xdr.INT).beforeAuth().high().add();
    public static final Procedure<CellsFreeMemoryArgs, List<Long>> NODE_GET_CELLS_FREE_MEMORY =
            P.call(101, "NODE_GET_CELLS_FREE_MEMORY", Xdr.lazy(CellsFreeMemoryArgs.class),
                    Xdr.array(Xdr.UHYPER, Limits.NODE_MAX_CELLS)).high().add();
    public static final Procedure<Void, Long> NODE_GET_FREE_MEMORY =
            P.call(102, "NODE_GET_FREE_MEMORY", Xdr.VOID, Xdr.UHYPER).high().add();
    public static final Procedure<Void, String> CONNECT_GET_URI =
            P.call(110, "CONNECT_GET_URI", Xdr.VOID, Xdr.STRING).high().add();
    public static final Procedure<Void, SecurityModel> NODE_GET_SECURITY_MODEL =
            P.call(122, "NODE_GET_SECURITY_MODEL", Xdr.VOID, Xdr.lazy(SecurityModel.class)).high().add();
    public static final Procedure<Void, Integer> CONNECT_IS_SECURE =
            P.call(149, "CONNECT_IS_SECURE", Xdr.VOID, Xdr.INT).high().add();
    public static final Procedure<Void, Long> CONNECT_GET_LIB_VERSION =
            P.call(157, "CONNECT_GET_LIB_VERSION", Xdr.VOID, Xdr.UHYPER).high().add();
    public static final Procedure<XmlFlagsArgs, Integer> CONNECT_COMPARE_CPU =
            P.call(158, "CONNECT_COMPARE_CPU", Xdr.lazy(XmlFlagsArgs.class), Xdr.INT).high().add();
    public static final Procedure<BaselineCpuArgs, String> CONNECT_BASELINE_CPU =
            P.call(162, "CONNECT_BASELINE_CPU", Xdr.lazy(BaselineCpuArgs.class), Xdr.STRING).add();
    public static final Procedure<CompareHypervisorCpuArgs, Integer> CONNECT_COMPARE_HYPERVISOR_CPU =
            P.call(393, "CONNECT_COMPARE_HYPERVISOR_CPU", Xdr.lazy(CompareHypervisorCpuArgs.class), Xdr.INT)
                    .denyReadOnly().add();
    public static final Procedure<BaselineHypervisorCpuArgs, String> CONNECT_BASELINE_HYPERVISOR_CPU =
            P.call(394, "CONNECT_BASELINE_HYPERVISOR_CPU", Xdr.lazy(BaselineHypervisorCpuArgs.class), Xdr.STRING)
                    .denyReadOnly().add();
    public static final Procedure<Integer, String> CONNECT_GET_SYSINFO =
            P.call(203, "CONNECT_GET_SYSINFO", Xdr.UINT, Xdr.STRING).high().add();
    public static final Procedure<NodeCpuStatsArgs, NodeStats> NODE_GET_CPU_STATS =
            P.call(227, "NODE_GET_CPU_STATS", Xdr.lazy(NodeCpuStatsArgs.class), Xdr.lazy(NodeStats.class)).high().add();
    public static final Procedure<NodeMemoryStatsArgs, NodeStats> NODE_GET_MEMORY_STATS =
            P.call(228, "NODE_GET_MEMORY_STATS", Xdr.lazy(NodeMemoryStatsArgs.class), Xdr.lazy(NodeStats.class)).high().add();
    public static final Procedure<NParamsFlagsArgs, CountedParams> NODE_GET_MEMORY_PARAMETERS =
            P.call(289, "NODE_GET_MEMORY_PARAMETERS", Xdr.lazy(NParamsFlagsArgs.class),
                    CountedParams.codec(Limits.NODE_MEMORY_PARAMETERS_MAX)).add();
    public static final Procedure<NodeCpuMapArgs, NodeCpuMap> NODE_GET_CPU_MAP =
            P.call(293, "NODE_GET_CPU_MAP", Xdr.lazy(NodeCpuMapArgs.class), Xdr.lazy(NodeCpuMap.class)).add();
    public static final Procedure<CpuModelNamesArgs, CpuModelNames> CONNECT_GET_CPU_MODEL_NAMES =
            P.call(312, "CONNECT_GET_CPU_MODEL_NAMES", Xdr.lazy(CpuModelNamesArgs.class), Xdr.lazy(CpuModelNames.class)).add();
    public static final Procedure<DomainXmlToNativeArgs, String> CONNECT_DOMAIN_XML_TO_NATIVE =
            P.call(136, "CONNECT_DOMAIN_XML_TO_NATIVE", Xdr.lazy(DomainXmlToNativeArgs.class), Xdr.STRING)
                    .denyReadOnly().refusalDomain(ErrorDomain.DOMAIN).add();
    public static final Procedure<DomainCapabilitiesArgs, String> CONNECT_GET_DOMAIN_CAPABILITIES =
            P.call(342, "CONNECT_GET_DOMAIN_CAPABILITIES", Xdr.lazy(DomainCapabilitiesArgs.class), Xdr.STRING)
                    .denyReadOnly().refusalDomain(ErrorDomain.DOMAIN).add();
    public static final Procedure<Void, Void> CONNECT_REGISTER_CLOSE_CALLBACK =
            P.call(360, "CONNECT_REGISTER_CLOSE_CALLBACK", Xdr.VOID, Xdr.VOID).add();
    public static final Procedure<Void, Void> CONNECT_UNREGISTER_CLOSE_CALLBACK =
            P.call(361, "CONNECT_UNREGISTER_CLOSE_CALLBACK", Xdr.VOID, Xdr.VOID).add();
    /** Sent to clients that registered with 360 when the hypervisor connection dies; body {@code int reason}. */
    public static final Procedure<Integer, Void> CONNECT_EVENT_CONNECTION_CLOSED =
            P.message(362, "CONNECT_EVENT_CONNECTION_CLOSED", Xdr.INT).add();
    public static final Procedure<SetIdentityArgs, Void> CONNECT_SET_IDENTITY =
            P.call(419, "CONNECT_SET_IDENTITY", Xdr.lazy(SetIdentityArgs.class), Xdr.VOID).add();

    // ---- §1b listing / lookup ----

    public static final Procedure<Integer, List<String>> CONNECT_LIST_DEFINED_DOMAINS =
            P.call(21, "CONNECT_LIST_DEFINED_DOMAINS", Xdr.INT,
                    Xdr.array(Xdr.STRING, Limits.DOMAIN_LIST_MAX)).high().refusalDomain(ErrorDomain.DOMAIN).add();
    public static final Procedure<Integer, DomainRef> DOMAIN_LOOKUP_BY_ID =
            P.call(22, "DOMAIN_LOOKUP_BY_ID", Xdr.INT, Xdr.lazy(DomainRef.class)).high().add();
    public static final Procedure<String, DomainRef> DOMAIN_LOOKUP_BY_NAME =
            P.call(23, "DOMAIN_LOOKUP_BY_NAME", Xdr.STRING, Xdr.lazy(DomainRef.class)).high().add();
    public static final Procedure<byte[], DomainRef> DOMAIN_LOOKUP_BY_UUID =
            P.call(24, "DOMAIN_LOOKUP_BY_UUID", Xdr.UUID, Xdr.lazy(DomainRef.class)).high().add();
    public static final Procedure<Void, Integer> CONNECT_NUM_OF_DEFINED_DOMAINS =
            P.call(25, "CONNECT_NUM_OF_DEFINED_DOMAINS", Xdr.VOID, Xdr.INT).high().refusalDomain(ErrorDomain.DOMAIN).add();
    public static final Procedure<Integer, List<Integer>> CONNECT_LIST_DOMAINS =
            P.call(37, "CONNECT_LIST_DOMAINS", Xdr.INT, Xdr.array(Xdr.INT, Limits.DOMAIN_LIST_MAX)).high().refusalDomain(ErrorDomain.DOMAIN).add();
    public static final Procedure<Void, Integer> CONNECT_NUM_OF_DOMAINS =
            P.call(51, "CONNECT_NUM_OF_DOMAINS", Xdr.VOID, Xdr.INT).high().refusalDomain(ErrorDomain.DOMAIN).add();
    public static final Procedure<NeedResultsArgs, DomainList> CONNECT_LIST_ALL_DOMAINS =
            P.call(273, "CONNECT_LIST_ALL_DOMAINS", Xdr.lazy(NeedResultsArgs.class), Xdr.lazy(DomainList.class)).high().refusalDomain(ErrorDomain.DOMAIN).add();

    // ---- §1f event registration ----

    public static final Procedure<Void, Void> CONNECT_DOMAIN_EVENT_REGISTER =
            P.call(105, "CONNECT_DOMAIN_EVENT_REGISTER", Xdr.VOID, Xdr.VOID).high().refusalDomain(ErrorDomain.DOMAIN).add();
    public static final Procedure<Void, Void> CONNECT_DOMAIN_EVENT_DEREGISTER =
            P.call(106, "CONNECT_DOMAIN_EVENT_DEREGISTER", Xdr.VOID, Xdr.VOID).high().refusalDomain(ErrorDomain.DOMAIN).add();
    public static final Procedure<Integer, Void> CONNECT_DOMAIN_EVENT_REGISTER_ANY =
            P.call(167, "CONNECT_DOMAIN_EVENT_REGISTER_ANY", Xdr.INT, Xdr.VOID).high().refusalDomain(ErrorDomain.DOMAIN).add();
    public static final Procedure<Integer, Void> CONNECT_DOMAIN_EVENT_DEREGISTER_ANY =
            P.call(168, "CONNECT_DOMAIN_EVENT_DEREGISTER_ANY", Xdr.INT, Xdr.VOID).high().refusalDomain(ErrorDomain.DOMAIN).add();
    public static final Procedure<CallbackRegisterArgs, Integer> CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY =
            P.call(316, "CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY", Xdr.lazy(CallbackRegisterArgs.class), Xdr.INT)
                    .api("virConnectDomainEventRegisterAny").high().refusalDomain(ErrorDomain.DOMAIN).add();
    public static final Procedure<Integer, Void> CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY =
            P.call(317, "CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY", Xdr.INT, Xdr.VOID)
                    .api("virConnectDomainEventDeregisterAny").high().refusalDomain(ErrorDomain.DOMAIN).add();

    // ---- §4 domain event messages: declared with their events, see DomainEventKind ----

    static {
        P.include(DomainEventKind.messages());
    }

    // ---- §1c domain lifecycle / config ----
    public static final Procedure<DomainRef, Void> DOMAIN_CREATE =
            P.call(9, "DOMAIN_CREATE", Xdr.lazy(DomainRef.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<XmlFlagsArgs, DomainRef> DOMAIN_CREATE_XML =
            P.call(10, "DOMAIN_CREATE_XML", Xdr.lazy(XmlFlagsArgs.class), Xdr.lazy(DomainRef.class)).denyReadOnly().add();
    public static final Procedure<String, DomainRef> DOMAIN_DEFINE_XML =
            P.call(11, "DOMAIN_DEFINE_XML", Xdr.STRING, Xdr.lazy(DomainRef.class)).denyReadOnly().high().add();
    public static final Procedure<DomainRef, Void> DOMAIN_DESTROY =
            P.call(12, "DOMAIN_DESTROY", Xdr.lazy(DomainRef.class), Xdr.VOID).denyReadOnly().high().add();
    public static final Procedure<DomainFlagsArgs, Void> DOMAIN_REBOOT =
            P.call(27, "DOMAIN_REBOOT", Xdr.lazy(DomainFlagsArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainRef, Void> DOMAIN_RESUME =
            P.call(28, "DOMAIN_RESUME", Xdr.lazy(DomainRef.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainRef, Void> DOMAIN_SHUTDOWN =
            P.call(33, "DOMAIN_SHUTDOWN", Xdr.lazy(DomainRef.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainRef, Void> DOMAIN_SUSPEND =
            P.call(34, "DOMAIN_SUSPEND", Xdr.lazy(DomainRef.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainRef, Void> DOMAIN_UNDEFINE =
            P.call(35, "DOMAIN_UNDEFINE", Xdr.lazy(DomainRef.class), Xdr.VOID).denyReadOnly().high().add();
    public static final Procedure<DomainPathFlagsArgs, Void> DOMAIN_CORE_DUMP =
            P.call(53, "DOMAIN_CORE_DUMP", Xdr.lazy(DomainPathFlagsArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<String, Void> DOMAIN_RESTORE =
            P.call(54, "DOMAIN_RESTORE", Xdr.STRING, Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainPathArgs, Void> DOMAIN_SAVE =
            P.call(55, "DOMAIN_SAVE", Xdr.lazy(DomainPathArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainFlagsArgs, Void> DOMAIN_MANAGED_SAVE =
            P.call(182, "DOMAIN_MANAGED_SAVE", Xdr.lazy(DomainFlagsArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainFlagsArgs, Integer> DOMAIN_HAS_MANAGED_SAVE_IMAGE =
            P.call(183, "DOMAIN_HAS_MANAGED_SAVE_IMAGE", Xdr.lazy(DomainFlagsArgs.class), Xdr.INT).add();
    public static final Procedure<DomainFlagsArgs, Void> DOMAIN_MANAGED_SAVE_REMOVE =
            P.call(184, "DOMAIN_MANAGED_SAVE_REMOVE", Xdr.lazy(DomainFlagsArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainFlagsArgs, DomainRef> DOMAIN_CREATE_WITH_FLAGS =
            P.call(196, "DOMAIN_CREATE_WITH_FLAGS", Xdr.lazy(DomainFlagsArgs.class), Xdr.lazy(DomainRef.class)).denyReadOnly().add();
    public static final Procedure<DomainFlagsArgs, Void> DOMAIN_UNDEFINE_FLAGS =
            P.call(231, "DOMAIN_UNDEFINE_FLAGS", Xdr.lazy(DomainFlagsArgs.class), Xdr.VOID).denyReadOnly().high().add();
    public static final Procedure<SaveFlagsArgs, Void> DOMAIN_SAVE_FLAGS =
            P.call(232, "DOMAIN_SAVE_FLAGS", Xdr.lazy(SaveFlagsArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<RestoreFlagsArgs, Void> DOMAIN_RESTORE_FLAGS =
            P.call(233, "DOMAIN_RESTORE_FLAGS", Xdr.lazy(RestoreFlagsArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<SaveImageXmlArgs, String> DOMAIN_SAVE_IMAGE_GET_XML_DESC =
            P.call(235, "DOMAIN_SAVE_IMAGE_GET_XML_DESC", Xdr.lazy(SaveImageXmlArgs.class), Xdr.STRING)
                    .denyReadOnly().high().add();
    public static final Procedure<SaveImageDefineArgs, Void> DOMAIN_SAVE_IMAGE_DEFINE_XML =
            P.call(236, "DOMAIN_SAVE_IMAGE_DEFINE_XML", Xdr.lazy(SaveImageDefineArgs.class), Xdr.VOID)
                    .denyReadOnly().high().add();
    public static final Procedure<CoreDumpFormatArgs, Void> DOMAIN_CORE_DUMP_WITH_FORMAT =
            P.call(334, "DOMAIN_CORE_DUMP_WITH_FORMAT", Xdr.lazy(CoreDumpFormatArgs.class), Xdr.VOID)
                    .denyReadOnly().add();
    public static final Procedure<ManagedSaveDefineArgs, Void> DOMAIN_MANAGED_SAVE_DEFINE_XML =
            P.call(389, "DOMAIN_MANAGED_SAVE_DEFINE_XML", Xdr.lazy(ManagedSaveDefineArgs.class), Xdr.VOID)
                    .denyReadOnly().add();
    public static final Procedure<SaveParamsArgs, Void> DOMAIN_SAVE_PARAMS =
            P.call(440, "DOMAIN_SAVE_PARAMS", Xdr.lazy(SaveParamsArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<RestoreParamsArgs, Void> DOMAIN_RESTORE_PARAMS =
            P.call(441, "DOMAIN_RESTORE_PARAMS", Xdr.lazy(RestoreParamsArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainFlagsArgs, Void> DOMAIN_DESTROY_FLAGS =
            P.call(234, "DOMAIN_DESTROY_FLAGS", Xdr.lazy(DomainFlagsArgs.class), Xdr.VOID).denyReadOnly().high().add();
    public static final Procedure<DomainFlagsArgs, Void> DOMAIN_RESET =
            P.call(245, "DOMAIN_RESET", Xdr.lazy(DomainFlagsArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainFlagsArgs, Void> DOMAIN_SHUTDOWN_FLAGS =
            P.call(258, "DOMAIN_SHUTDOWN_FLAGS", Xdr.lazy(DomainFlagsArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<XmlFlagsArgs, DomainRef> DOMAIN_DEFINE_XML_FLAGS =
            P.call(350, "DOMAIN_DEFINE_XML_FLAGS", Xdr.lazy(XmlFlagsArgs.class), Xdr.lazy(DomainRef.class)).denyReadOnly().high().add();
    public static final Procedure<RenameArgs, Integer> DOMAIN_RENAME =
            P.call(358, "DOMAIN_RENAME", Xdr.lazy(RenameArgs.class), Xdr.INT).denyReadOnly().add();

    // ---- §1d domain information / tuning ----
    public static final Procedure<DomainFlagsArgs, String> DOMAIN_GET_XML_DESC =
            P.call(14, "DOMAIN_GET_XML_DESC", Xdr.lazy(DomainFlagsArgs.class), Xdr.STRING)
                    .denyReadOnlyIfSecure(a -> (a.flags() & (DomainFlags.Xml.SECURE | DomainFlags.Xml.MIGRATABLE)) != 0)
                    .add();
    public static final Procedure<DomainRef, Integer> DOMAIN_GET_AUTOSTART =
            P.call(15, "DOMAIN_GET_AUTOSTART", Xdr.lazy(DomainRef.class), Xdr.INT).high().add();
    public static final Procedure<DomainRef, DomainInfo> DOMAIN_GET_INFO =
            P.call(16, "DOMAIN_GET_INFO", Xdr.lazy(DomainRef.class), Xdr.lazy(DomainInfo.class)).add();
    public static final Procedure<DomainRef, Long> DOMAIN_GET_MAX_MEMORY =
            P.call(17, "DOMAIN_GET_MAX_MEMORY", Xdr.lazy(DomainRef.class), Xdr.UHYPER).high().add();
    public static final Procedure<DomainRef, Integer> DOMAIN_GET_MAX_VCPUS =
            P.call(18, "DOMAIN_GET_MAX_VCPUS", Xdr.lazy(DomainRef.class), Xdr.INT).high().add();
    public static final Procedure<DomainRef, String> DOMAIN_GET_OS_TYPE =
            P.call(19, "DOMAIN_GET_OS_TYPE", Xdr.lazy(DomainRef.class), Xdr.STRING).high().add();
    public static final Procedure<GetVcpusArgs, VcpuInfoList> DOMAIN_GET_VCPUS =
            P.call(20, "DOMAIN_GET_VCPUS", Xdr.lazy(GetVcpusArgs.class), Xdr.lazy(VcpuInfoList.class)).high().add();
    public static final Procedure<DomainIntArgs, Void> DOMAIN_SET_AUTOSTART =
            P.call(29, "DOMAIN_SET_AUTOSTART", Xdr.lazy(DomainIntArgs.class), Xdr.VOID).denyReadOnly().high().add();
    public static final Procedure<DomainMemoryArgs, Void> DOMAIN_SET_MAX_MEMORY =
            P.call(30, "DOMAIN_SET_MAX_MEMORY", Xdr.lazy(DomainMemoryArgs.class), Xdr.VOID).denyReadOnly().high().add();
    public static final Procedure<DomainMemoryArgs, Void> DOMAIN_SET_MEMORY =
            P.call(31, "DOMAIN_SET_MEMORY", Xdr.lazy(DomainMemoryArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainIntArgs, Void> DOMAIN_SET_VCPUS =
            P.call(32, "DOMAIN_SET_VCPUS", Xdr.lazy(DomainIntArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainRef, SchedulerType> DOMAIN_GET_SCHEDULER_TYPE =
            P.call(56, "DOMAIN_GET_SCHEDULER_TYPE", Xdr.lazy(DomainRef.class), Xdr.lazy(SchedulerType.class)).add();
    public static final Procedure<DomainIntArgs, List<TypedParam>> DOMAIN_GET_SCHEDULER_PARAMETERS =
            P.call(57, "DOMAIN_GET_SCHEDULER_PARAMETERS", Xdr.lazy(DomainIntArgs.class), TypedParam.list(Limits.DOMAIN_SCHEDULER_PARAMETERS_MAX)).add();
    public static final Procedure<DomainPathArgs, BlockStats> DOMAIN_BLOCK_STATS =
            P.call(64, "DOMAIN_BLOCK_STATS", Xdr.lazy(DomainPathArgs.class), Xdr.lazy(BlockStats.class)).add();
    public static final Procedure<DomainPathArgs, InterfaceStats> DOMAIN_INTERFACE_STATS =
            P.call(65, "DOMAIN_INTERFACE_STATS", Xdr.lazy(DomainPathArgs.class), Xdr.lazy(InterfaceStats.class)).high().add();
    public static final Procedure<DomainRef, SecurityLabel> DOMAIN_GET_SECURITY_LABEL =
            P.call(121, "DOMAIN_GET_SECURITY_LABEL", Xdr.lazy(DomainRef.class), Xdr.lazy(SecurityLabel.class)).high().add();
    public static final Procedure<DomainRef, SecurityLabelList> DOMAIN_GET_SECURITY_LABEL_LIST =
            P.call(278, "DOMAIN_GET_SECURITY_LABEL_LIST", Xdr.lazy(DomainRef.class), Xdr.lazy(SecurityLabelList.class)).high().add();
    public static final Procedure<DomainRef, Integer> DOMAIN_IS_ACTIVE =
            P.call(150, "DOMAIN_IS_ACTIVE", Xdr.lazy(DomainRef.class), Xdr.INT).high().add();
    public static final Procedure<DomainRef, Integer> DOMAIN_IS_PERSISTENT =
            P.call(151, "DOMAIN_IS_PERSISTENT", Xdr.lazy(DomainRef.class), Xdr.INT).high().add();
    public static final Procedure<MemoryStatsArgs, List<MemoryStat>> DOMAIN_MEMORY_STATS =
            P.call(159, "DOMAIN_MEMORY_STATS", Xdr.lazy(MemoryStatsArgs.class), Xdr.array(Xdr.lazy(MemoryStat.class), Limits.DOMAIN_MEMORY_STATS_MAX)).add();
    public static final Procedure<DomainRef, JobInfo> DOMAIN_GET_JOB_INFO =
            P.call(163, "DOMAIN_GET_JOB_INFO", Xdr.lazy(DomainRef.class), Xdr.lazy(JobInfo.class)).add();
    public static final Procedure<DomainRef, Void> DOMAIN_ABORT_JOB =
            P.call(164, "DOMAIN_ABORT_JOB", Xdr.lazy(DomainRef.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainFlagsArgs, Integer> DOMAIN_SNAPSHOT_NUM =
            P.call(187, "DOMAIN_SNAPSHOT_NUM", Xdr.lazy(DomainFlagsArgs.class), Xdr.INT)
                    .refusalDomain(ErrorDomain.DOMAIN_SNAPSHOT)
                    .high().add();

    // ---- snapshots ----
    public static final Procedure<DomainXmlFlagsArgs, SnapshotRef> DOMAIN_SNAPSHOT_CREATE_XML =
            P.call(185, "DOMAIN_SNAPSHOT_CREATE_XML", Xdr.lazy(DomainXmlFlagsArgs.class), Xdr.lazy(SnapshotRef.class))
                    .denyReadOnly().refusalDomain(ErrorDomain.DOMAIN_SNAPSHOT).add();
    public static final Procedure<SnapshotListNamesArgs, List<String>> DOMAIN_SNAPSHOT_LIST_NAMES =
            P.call(188, "DOMAIN_SNAPSHOT_LIST_NAMES", Xdr.lazy(SnapshotListNamesArgs.class),
                    Xdr.array(Xdr.STRING, Limits.DOMAIN_SNAPSHOT_LIST_MAX))
                    .refusalDomain(ErrorDomain.DOMAIN_SNAPSHOT).high().add();
    public static final Procedure<SnapshotLookupArgs, SnapshotRef> DOMAIN_SNAPSHOT_LOOKUP_BY_NAME =
            P.call(189, "DOMAIN_SNAPSHOT_LOOKUP_BY_NAME", Xdr.lazy(SnapshotLookupArgs.class), Xdr.lazy(SnapshotRef.class))
                    .refusalDomain(ErrorDomain.DOMAIN_SNAPSHOT).high().add();
    public static final Procedure<DomainFlagsArgs, Integer> DOMAIN_HAS_CURRENT_SNAPSHOT =
            P.call(190, "DOMAIN_HAS_CURRENT_SNAPSHOT", Xdr.lazy(DomainFlagsArgs.class), Xdr.INT)
                    .refusalDomain(ErrorDomain.DOMAIN_SNAPSHOT).add();
    public static final Procedure<DomainFlagsArgs, SnapshotRef> DOMAIN_SNAPSHOT_CURRENT =
            P.call(191, "DOMAIN_SNAPSHOT_CURRENT", Xdr.lazy(DomainFlagsArgs.class), Xdr.lazy(SnapshotRef.class))
                    .refusalDomain(ErrorDomain.DOMAIN_SNAPSHOT).add();
    public static final Procedure<SnapshotFlagsArgs, Void> DOMAIN_REVERT_TO_SNAPSHOT =
            P.call(192, "DOMAIN_REVERT_TO_SNAPSHOT", Xdr.lazy(SnapshotFlagsArgs.class), Xdr.VOID)
                    .denyReadOnly().refusalDomain(ErrorDomain.DOMAIN_SNAPSHOT).add();
    public static final Procedure<SnapshotFlagsArgs, Void> DOMAIN_SNAPSHOT_DELETE =
            P.call(193, "DOMAIN_SNAPSHOT_DELETE", Xdr.lazy(SnapshotFlagsArgs.class), Xdr.VOID)
                    .denyReadOnly().refusalDomain(ErrorDomain.DOMAIN_SNAPSHOT).add();
    public static final Procedure<SnapshotFlagsArgs, SnapshotRef> DOMAIN_SNAPSHOT_GET_PARENT =
            P.call(244, "DOMAIN_SNAPSHOT_GET_PARENT", Xdr.lazy(SnapshotFlagsArgs.class), Xdr.lazy(SnapshotRef.class))
                    .refusalDomain(ErrorDomain.DOMAIN_SNAPSHOT).high().add();
    public static final Procedure<SnapshotFlagsArgs, Integer> DOMAIN_SNAPSHOT_IS_CURRENT =
            P.call(271, "DOMAIN_SNAPSHOT_IS_CURRENT", Xdr.lazy(SnapshotFlagsArgs.class), Xdr.INT)
                    .refusalDomain(ErrorDomain.DOMAIN_SNAPSHOT).add();
    public static final Procedure<SnapshotFlagsArgs, Integer> DOMAIN_SNAPSHOT_HAS_METADATA =
            P.call(272, "DOMAIN_SNAPSHOT_HAS_METADATA", Xdr.lazy(SnapshotFlagsArgs.class), Xdr.INT)
                    .refusalDomain(ErrorDomain.DOMAIN_SNAPSHOT).add();
    public static final Procedure<SnapshotFlagsArgs, Integer> DOMAIN_SNAPSHOT_NUM_CHILDREN =
            P.call(246, "DOMAIN_SNAPSHOT_NUM_CHILDREN", Xdr.lazy(SnapshotFlagsArgs.class), Xdr.INT)
                    .refusalDomain(ErrorDomain.DOMAIN_SNAPSHOT).high().add();
    public static final Procedure<SnapshotChildrenNamesArgs, List<String>> DOMAIN_SNAPSHOT_LIST_CHILDREN_NAMES =
            P.call(247, "DOMAIN_SNAPSHOT_LIST_CHILDREN_NAMES", Xdr.lazy(SnapshotChildrenNamesArgs.class),
                    Xdr.array(Xdr.STRING, Limits.DOMAIN_SNAPSHOT_LIST_MAX))
                    .refusalDomain(ErrorDomain.DOMAIN_SNAPSHOT).high().add();
    public static final Procedure<DomainNeedResultsArgs, SnapshotList> DOMAIN_LIST_ALL_SNAPSHOTS =
            P.call(274, "DOMAIN_LIST_ALL_SNAPSHOTS", Xdr.lazy(DomainNeedResultsArgs.class), Xdr.lazy(SnapshotList.class))
                    .refusalDomain(ErrorDomain.DOMAIN_SNAPSHOT).high().add();
    public static final Procedure<SnapshotNeedResultsArgs, SnapshotList> DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN =
            P.call(275, "DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN", Xdr.lazy(SnapshotNeedResultsArgs.class),
                    Xdr.lazy(SnapshotList.class))
                    .refusalDomain(ErrorDomain.DOMAIN_SNAPSHOT).high().add();
    // ---- per-domain statistics, peeks, pinning and jobs (the stats handlers) ----
    public static final Procedure<PinVcpuArgs, Void> DOMAIN_PIN_VCPU =
            P.call(26, "DOMAIN_PIN_VCPU", PinVcpuArgs.NO_FLAGS_CODEC, Xdr.VOID).denyReadOnly().add();
    public static final Procedure<BlockPeekArgs, byte[]> DOMAIN_BLOCK_PEEK =
            P.call(103, "DOMAIN_BLOCK_PEEK", Xdr.lazy(BlockPeekArgs.class), Xdr.opaque(Limits.DOMAIN_BLOCK_PEEK_BUFFER_MAX)).denyReadOnly().add();
    public static final Procedure<MemoryPeekArgs, byte[]> DOMAIN_MEMORY_PEEK =
            P.call(104, "DOMAIN_MEMORY_PEEK", Xdr.lazy(MemoryPeekArgs.class), Xdr.opaque(Limits.DOMAIN_MEMORY_PEEK_BUFFER_MAX)).denyReadOnly().add();
    public static final Procedure<PinVcpuArgs, Void> DOMAIN_PIN_VCPU_FLAGS =
            P.call(225, "DOMAIN_PIN_VCPU_FLAGS", Xdr.lazy(PinVcpuArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<VcpuPinInfoArgs, CpuMaps> DOMAIN_GET_VCPU_PIN_INFO =
            P.call(230, "DOMAIN_GET_VCPU_PIN_INFO", Xdr.lazy(VcpuPinInfoArgs.class), Xdr.lazy(CpuMaps.class)).add();
    public static final Procedure<BlockStatsFlagsArgs, CountedParams> DOMAIN_BLOCK_STATS_FLAGS =
            P.call(243, "DOMAIN_BLOCK_STATS_FLAGS", Xdr.lazy(BlockStatsFlagsArgs.class), CountedParams.codec(Limits.DOMAIN_BLOCK_STATS_PARAMETERS_MAX)).add();
    public static final Procedure<CpuStatsArgs, CountedParams> DOMAIN_GET_CPU_STATS =
            P.call(262, "DOMAIN_GET_CPU_STATS", Xdr.lazy(CpuStatsArgs.class), CountedParams.codec(Limits.DOMAIN_GET_CPU_STATS_MAX)).add();
    public static final Procedure<PinEmulatorArgs, Void> DOMAIN_PIN_EMULATOR =
            P.call(279, "DOMAIN_PIN_EMULATOR", Xdr.lazy(PinEmulatorArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<EmulatorPinInfoArgs, CpuMaps> DOMAIN_GET_EMULATOR_PIN_INFO =
            P.call(280, "DOMAIN_GET_EMULATOR_PIN_INFO", Xdr.lazy(EmulatorPinInfoArgs.class), Xdr.lazy(CpuMaps.class)).add();
    /** {@code remote_domain_set_memory_stats_period_args} has the nparams-args shape: dom, int period, flags. */
    public static final Procedure<DomainNParamsFlagsArgs, Void> DOMAIN_SET_MEMORY_STATS_PERIOD =
            P.call(308, "DOMAIN_SET_MEMORY_STATS_PERIOD", Xdr.lazy(DomainNParamsFlagsArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainFlagsArgs, Void> DOMAIN_ABORT_JOB_FLAGS =
            P.call(442, "DOMAIN_ABORT_JOB_FLAGS", Xdr.lazy(DomainFlagsArgs.class), Xdr.VOID).denyReadOnly().add();
    // ---- live resources of a running guest (the live resource handlers) ----
    public static final Procedure<BlockResizeArgs, Void> DOMAIN_BLOCK_RESIZE =
            P.call(251, "DOMAIN_BLOCK_RESIZE", Xdr.lazy(BlockResizeArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DeviceParamsArgs, Void> DOMAIN_SET_BLOCK_IO_TUNE =
            P.call(252, "DOMAIN_SET_BLOCK_IO_TUNE", DeviceParamsArgs.BLOCK_IO_TUNE, Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DeviceNParamsArgs, CountedParams> DOMAIN_GET_BLOCK_IO_TUNE =
            P.call(253, "DOMAIN_GET_BLOCK_IO_TUNE", DeviceNParamsArgs.BLOCK_IO_TUNE,
                    CountedParams.codec(Limits.DOMAIN_BLOCK_IO_TUNE_PARAMETERS_MAX)).add();
    public static final Procedure<DeviceParamsArgs, Void> DOMAIN_SET_INTERFACE_PARAMETERS =
            P.call(256, "DOMAIN_SET_INTERFACE_PARAMETERS", DeviceParamsArgs.INTERFACE, Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DeviceNParamsArgs, CountedParams> DOMAIN_GET_INTERFACE_PARAMETERS =
            P.call(257, "DOMAIN_GET_INTERFACE_PARAMETERS", DeviceNParamsArgs.INTERFACE,
                    CountedParams.codec(Limits.DOMAIN_INTERFACE_PARAMETERS_MAX)).add();
    public static final Procedure<DomainPathFlagsArgs, BlockInfo> DOMAIN_GET_BLOCK_INFO =
            P.call(194, "DOMAIN_GET_BLOCK_INFO", Xdr.lazy(DomainPathFlagsArgs.class), Xdr.lazy(BlockInfo.class)).add();
    public static final Procedure<DomainNParamsFlagsArgs, CountedParams> DOMAIN_GET_MEMORY_PARAMETERS =
            P.call(198, "DOMAIN_GET_MEMORY_PARAMETERS", Xdr.lazy(DomainNParamsFlagsArgs.class), CountedParams.codec(Limits.DOMAIN_MEMORY_PARAMETERS_MAX)).add();
    public static final Procedure<DomainNParamsFlagsArgs, CountedParams> DOMAIN_GET_BLKIO_PARAMETERS =
            P.call(206, "DOMAIN_GET_BLKIO_PARAMETERS", Xdr.lazy(DomainNParamsFlagsArgs.class), CountedParams.codec(Limits.DOMAIN_BLKIO_PARAMETERS_MAX)).add();
    public static final Procedure<DomainNParamsFlagsArgs, List<TypedParam>> DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS =
            P.call(223, "DOMAIN_GET_SCHEDULER_PARAMETERS_FLAGS", Xdr.lazy(DomainNParamsFlagsArgs.class), TypedParam.list(Limits.DOMAIN_SCHEDULER_PARAMETERS_MAX)).add();
    public static final Procedure<DomainParamsFlagsArgs, Void> DOMAIN_SET_SCHEDULER_PARAMETERS =
            P.call(58, "DOMAIN_SET_SCHEDULER_PARAMETERS", DomainParamsFlagsArgs.NO_FLAGS, Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainParamsFlagsArgs, Void> DOMAIN_SET_MEMORY_PARAMETERS =
            P.call(197, "DOMAIN_SET_MEMORY_PARAMETERS", DomainParamsFlagsArgs.MEMORY, Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainParamsFlagsArgs, Void> DOMAIN_SET_BLKIO_PARAMETERS =
            P.call(205, "DOMAIN_SET_BLKIO_PARAMETERS", DomainParamsFlagsArgs.BLKIO, Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainParamsFlagsArgs, Void> DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS =
            P.call(219, "DOMAIN_SET_SCHEDULER_PARAMETERS_FLAGS", DomainParamsFlagsArgs.SCHEDULER, Xdr.VOID)
                    .denyReadOnly().add();
    public static final Procedure<DomainParamsFlagsArgs, Void> DOMAIN_SET_NUMA_PARAMETERS =
            P.call(254, "DOMAIN_SET_NUMA_PARAMETERS", DomainParamsFlagsArgs.NUMA, Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainNParamsFlagsArgs, CountedParams> DOMAIN_GET_NUMA_PARAMETERS =
            P.call(255, "DOMAIN_GET_NUMA_PARAMETERS", Xdr.lazy(DomainNParamsFlagsArgs.class), CountedParams.codec(Limits.DOMAIN_NUMA_PARAMETERS_MAX)).add();
    public static final Procedure<DomainVcpusFlagsArgs, Void> DOMAIN_SET_VCPUS_FLAGS =
            P.call(199, "DOMAIN_SET_VCPUS_FLAGS", Xdr.lazy(DomainVcpusFlagsArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainFlagsArgs, Integer> DOMAIN_GET_VCPUS_FLAGS =
            P.call(200, "DOMAIN_GET_VCPUS_FLAGS", Xdr.lazy(DomainFlagsArgs.class), Xdr.INT)
                    .denyReadOnlyIf(a -> (a.flags() & DomainFlags.Vcpu.GUEST) != 0).add();
    public static final Procedure<DomainRef, Integer> DOMAIN_IS_UPDATED =
            P.call(202, "DOMAIN_IS_UPDATED", Xdr.lazy(DomainRef.class), Xdr.INT).high().add();
    public static final Procedure<DomainMemoryFlagsArgs, Void> DOMAIN_SET_MEMORY_FLAGS =
            P.call(204, "DOMAIN_SET_MEMORY_FLAGS", Xdr.lazy(DomainMemoryFlagsArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainFlagsArgs, DomainState> DOMAIN_GET_STATE =
            P.call(212, "DOMAIN_GET_STATE", Xdr.lazy(DomainFlagsArgs.class), Xdr.lazy(DomainState.class)).high().add();
    public static final Procedure<DomainFlagsArgs, ControlInfo> DOMAIN_GET_CONTROL_INFO =
            P.call(229, "DOMAIN_GET_CONTROL_INFO", Xdr.lazy(DomainFlagsArgs.class), Xdr.lazy(ControlInfo.class)).high().add();
    public static final Procedure<BlockJobPathArgs, Void> DOMAIN_BLOCK_JOB_ABORT =
            P.call(237, "DOMAIN_BLOCK_JOB_ABORT", Xdr.lazy(BlockJobPathArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<BlockJobPathArgs, BlockJobInfo> DOMAIN_GET_BLOCK_JOB_INFO =
            P.call(238, "DOMAIN_GET_BLOCK_JOB_INFO", Xdr.lazy(BlockJobPathArgs.class), Xdr.lazy(BlockJobInfo.class)).add();
    public static final Procedure<BlockBandwidthArgs, Void> DOMAIN_BLOCK_JOB_SET_SPEED =
            P.call(239, "DOMAIN_BLOCK_JOB_SET_SPEED", Xdr.lazy(BlockBandwidthArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<BlockBandwidthArgs, Void> DOMAIN_BLOCK_PULL =
            P.call(240, "DOMAIN_BLOCK_PULL", Xdr.lazy(BlockBandwidthArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<BlockRebaseArgs, Void> DOMAIN_BLOCK_REBASE =
            P.call(266, "DOMAIN_BLOCK_REBASE", Xdr.lazy(BlockRebaseArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<BlockCommitArgs, Void> DOMAIN_BLOCK_COMMIT =
            P.call(290, "DOMAIN_BLOCK_COMMIT", Xdr.lazy(BlockCommitArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<BlockCopyArgs, Void> DOMAIN_BLOCK_COPY =
            P.call(345, "DOMAIN_BLOCK_COPY", Xdr.lazy(BlockCopyArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<SetMetadataArgs, Void> DOMAIN_SET_METADATA =
            P.call(264, "DOMAIN_SET_METADATA", Xdr.lazy(SetMetadataArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<GetMetadataArgs, String> DOMAIN_GET_METADATA =
            P.call(265, "DOMAIN_GET_METADATA", Xdr.lazy(GetMetadataArgs.class), Xdr.STRING).add();
    public static final Procedure<DomainFlagsArgs, String> DOMAIN_GET_HOSTNAME =
            P.call(277, "DOMAIN_GET_HOSTNAME", Xdr.lazy(DomainFlagsArgs.class), Xdr.STRING).denyReadOnly().add();
    public static final Procedure<DomainFlagsArgs, JobStats> DOMAIN_GET_JOB_STATS =
            P.call(298, "DOMAIN_GET_JOB_STATS", Xdr.lazy(DomainFlagsArgs.class), Xdr.lazy(JobStats.class)).add();
    public static final Procedure<DomainFlagsArgs, DomainTime> DOMAIN_GET_TIME =
            P.call(337, "DOMAIN_GET_TIME", Xdr.lazy(DomainFlagsArgs.class), Xdr.lazy(DomainTime.class)).denyReadOnly().add();
    public static final Procedure<AllDomainStatsArgs, List<DomainStatsRecord>> CONNECT_GET_ALL_DOMAIN_STATS =
            P.call(344, "CONNECT_GET_ALL_DOMAIN_STATS", Xdr.lazy(AllDomainStatsArgs.class), Xdr.array(Xdr.lazy(DomainStatsRecord.class), Limits.DOMAIN_LIST_MAX))
                    .refusalDomain(ErrorDomain.DOMAIN).add();
    public static final Procedure<InterfaceAddressesArgs, List<DomainInterface>> DOMAIN_INTERFACE_ADDRESSES =
            P.call(353, "DOMAIN_INTERFACE_ADDRESSES", Xdr.lazy(InterfaceAddressesArgs.class), Xdr.array(Xdr.lazy(DomainInterface.class), Limits.DOMAIN_INTERFACE_MAX))
                    .denyReadOnlyIf(a -> a.source() == DomainFlags.InterfaceAddressesSource.AGENT).add();
    public static final Procedure<DomainFlagsArgs, List<TypedParam>> DOMAIN_GET_GUEST_VCPUS =
            P.call(371, "DOMAIN_GET_GUEST_VCPUS", Xdr.lazy(DomainFlagsArgs.class), TypedParam.list(Limits.DOMAIN_GUEST_VCPU_PARAMS_MAX))
                    .denyReadOnly().add();
    public static final Procedure<SetTimeArgs, Void> DOMAIN_SET_TIME =
            P.call(338, "DOMAIN_SET_TIME", Xdr.lazy(SetTimeArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<FsFreezeArgs, Integer> DOMAIN_FSFREEZE =
            P.call(335, "DOMAIN_FSFREEZE", Xdr.lazy(FsFreezeArgs.class), Xdr.INT).api("virDomainFSFreeze").denyReadOnly().add();
    public static final Procedure<FsFreezeArgs, Integer> DOMAIN_FSTHAW =
            P.call(336, "DOMAIN_FSTHAW", Xdr.lazy(FsFreezeArgs.class), Xdr.INT).api("virDomainFSThaw").denyReadOnly().add();
    public static final Procedure<DomainFlagsArgs, FsInfoList> DOMAIN_GET_FSINFO =
            P.call(349, "DOMAIN_GET_FSINFO", Xdr.lazy(DomainFlagsArgs.class), Xdr.lazy(FsInfoList.class))
                    .api("virDomainGetFSInfo").denyReadOnly().add();
    public static final Procedure<SetUserPasswordArgs, Void> DOMAIN_SET_USER_PASSWORD =
            P.call(357, "DOMAIN_SET_USER_PASSWORD", Xdr.lazy(SetUserPasswordArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<SetGuestVcpusArgs, Void> DOMAIN_SET_GUEST_VCPUS =
            P.call(372, "DOMAIN_SET_GUEST_VCPUS", Xdr.lazy(SetGuestVcpusArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<AgentTimeoutArgs, Integer> DOMAIN_AGENT_SET_RESPONSE_TIMEOUT =
            P.call(420, "DOMAIN_AGENT_SET_RESPONSE_TIMEOUT", Xdr.lazy(AgentTimeoutArgs.class), Xdr.INT)
                    .denyReadOnly().add();
    public static final Procedure<GuestInfoArgs, List<TypedParam>> DOMAIN_GET_GUEST_INFO =
            P.call(418, "DOMAIN_GET_GUEST_INFO", Xdr.lazy(GuestInfoArgs.class), TypedParam.list(Limits.DOMAIN_GUEST_INFO_MAX))
                    .denyReadOnly().add();
    public static final Procedure<DomainFlagsArgs, List<String>> DOMAIN_GET_MESSAGES =
            P.call(426, "DOMAIN_GET_MESSAGES", Xdr.lazy(DomainFlagsArgs.class), Xdr.array(Xdr.STRING, Limits.DOMAIN_MESSAGES_MAX)).add();
    public static final Procedure<DomainXmlArgs, Void> DOMAIN_ATTACH_DEVICE =
            P.call(8, "DOMAIN_ATTACH_DEVICE", Xdr.lazy(DomainXmlArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainXmlArgs, Void> DOMAIN_DETACH_DEVICE =
            P.call(13, "DOMAIN_DETACH_DEVICE", Xdr.lazy(DomainXmlArgs.class), Xdr.VOID).denyReadOnly().add();

    // ---- §1e devices, streams, consoles ----
    public static final Procedure<DomainXmlFlagsArgs, Void> DOMAIN_ATTACH_DEVICE_FLAGS =
            P.call(160, "DOMAIN_ATTACH_DEVICE_FLAGS", Xdr.lazy(DomainXmlFlagsArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainXmlFlagsArgs, Void> DOMAIN_DETACH_DEVICE_FLAGS =
            P.call(161, "DOMAIN_DETACH_DEVICE_FLAGS", Xdr.lazy(DomainXmlFlagsArgs.class), Xdr.VOID).denyReadOnly().add();
    /** remote_domain_detach_device_alias_args has the layout of a device XML call: dom, alias, flags. */
    public static final Procedure<DomainXmlFlagsArgs, Void> DOMAIN_DETACH_DEVICE_ALIAS =
            P.call(392, "DOMAIN_DETACH_DEVICE_ALIAS", Xdr.lazy(DomainXmlFlagsArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainXmlFlagsArgs, Void> DOMAIN_UPDATE_DEVICE_FLAGS =
            P.call(174, "DOMAIN_UPDATE_DEVICE_FLAGS", Xdr.lazy(DomainXmlFlagsArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<OpenConsoleArgs, Void> DOMAIN_OPEN_CONSOLE =
            P.call(201, "DOMAIN_OPEN_CONSOLE", Xdr.lazy(OpenConsoleArgs.class), Xdr.VOID)
                    .denyReadOnly()
                    .stream(StreamKind.BOTH).add();
    public static final Procedure<OpenChannelArgs, Void> DOMAIN_OPEN_CHANNEL =
            P.call(296, "DOMAIN_OPEN_CHANNEL", Xdr.lazy(OpenChannelArgs.class), Xdr.VOID)
                    .denyReadOnly()
                    .stream(StreamKind.BOTH).add();
    public static final Procedure<ScreenshotArgs, String> DOMAIN_SCREENSHOT =
            P.call(211, "DOMAIN_SCREENSHOT", Xdr.lazy(ScreenshotArgs.class), Xdr.OPT_STRING)
                    .denyReadOnly()
                    .stream(StreamKind.READ).add();
    public static final Procedure<MigrateValueArgs, Void> DOMAIN_MIGRATE_SET_MAX_DOWNTIME =
            P.call(166, "DOMAIN_MIGRATE_SET_MAX_DOWNTIME", Xdr.lazy(MigrateValueArgs.class), Xdr.VOID)
                    .denyReadOnly().add();
    public static final Procedure<DomainFlagsArgs, Long> DOMAIN_MIGRATE_GET_MAX_DOWNTIME =
            P.call(387, "DOMAIN_MIGRATE_GET_MAX_DOWNTIME", Xdr.lazy(DomainFlagsArgs.class), Xdr.UHYPER).add();
    public static final Procedure<MigrateValueArgs, Void> DOMAIN_MIGRATE_SET_MAX_SPEED =
            P.call(207, "DOMAIN_MIGRATE_SET_MAX_SPEED", Xdr.lazy(MigrateValueArgs.class), Xdr.VOID)
                    .denyReadOnly().add();
    public static final Procedure<DomainFlagsArgs, Long> DOMAIN_MIGRATE_GET_MAX_SPEED =
            P.call(242, "DOMAIN_MIGRATE_GET_MAX_SPEED", Xdr.lazy(DomainFlagsArgs.class), Xdr.UHYPER)
                    .denyReadOnly().add();
    /** Sent as CALL_WITH_FDS: the caller's socket becomes a client of the guest's display. */
    public static final Procedure<OpenGraphicsFdArgs, Void> DOMAIN_OPEN_GRAPHICS =
            P.call(249, "DOMAIN_OPEN_GRAPHICS", Xdr.lazy(OpenGraphicsFdArgs.class), Xdr.VOID)
                    .api("virDomainOpenGraphics").denyReadOnly().add();
    /** Answered with REPLY_WITH_FDS: one socket connected to the guest's display. */
    public static final Procedure<OpenGraphicsFdArgs, Void> DOMAIN_OPEN_GRAPHICS_FD =
            P.call(343, "DOMAIN_OPEN_GRAPHICS_FD", Xdr.lazy(OpenGraphicsFdArgs.class), Xdr.VOID)
                    .api("virDomainOpenGraphicsFD").denyReadOnly().add();
    public static final Procedure<SendKeyArgs, Void> DOMAIN_SEND_KEY =
            P.call(226, "DOMAIN_SEND_KEY", Xdr.lazy(SendKeyArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainFlagsArgs, Void> DOMAIN_INJECT_NMI =
            P.call(210, "DOMAIN_INJECT_NMI", Xdr.lazy(DomainFlagsArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<SnapshotFlagsArgs, String> DOMAIN_SNAPSHOT_GET_XML_DESC =
            P.call(186, "DOMAIN_SNAPSHOT_GET_XML_DESC", Xdr.lazy(SnapshotFlagsArgs.class), Xdr.STRING)
                    .denyReadOnlyIfSecure(a -> (a.flags() & DomainFlags.SecureXml.SNAPSHOT) != 0)
                    .refusalDomain(ErrorDomain.DOMAIN_SNAPSHOT)
                    .high().add();
    public static final Procedure<DomainFlagsArgs, String> DOMAIN_MANAGED_SAVE_GET_XML_DESC =
            P.call(388, "DOMAIN_MANAGED_SAVE_GET_XML_DESC", Xdr.lazy(DomainFlagsArgs.class), Xdr.STRING)
                    .denyReadOnlyIfSecure(a -> (a.flags() & DomainFlags.SecureXml.SAVE_IMAGE) != 0).add();

    // ---- XML getters refused on read-only connections only with a secure flag ----
    public static final Procedure<CheckpointFlagsArgs, String> DOMAIN_CHECKPOINT_GET_XML_DESC =
            P.call(412, "DOMAIN_CHECKPOINT_GET_XML_DESC", Xdr.lazy(CheckpointFlagsArgs.class), Xdr.STRING)
                    .denyReadOnlyIfSecure(a -> (a.flags() & DomainFlags.SecureXml.CHECKPOINT) != 0)
                    .refusalDomain(ErrorDomain.DOMAIN_CHECKPOINT).add();

    // ---- checkpoints (remote_domain_checkpoint_*: the moment's XML, name lookups, tree and delete) ----
    public static final Procedure<DomainXmlFlagsArgs, CheckpointRef> DOMAIN_CHECKPOINT_CREATE_XML =
            P.call(411, "DOMAIN_CHECKPOINT_CREATE_XML", Xdr.lazy(DomainXmlFlagsArgs.class), Xdr.lazy(CheckpointRef.class))
                    .denyReadOnly().refusalDomain(ErrorDomain.DOMAIN_CHECKPOINT).add();
    public static final Procedure<DomainNeedResultsArgs, CheckpointList> DOMAIN_LIST_ALL_CHECKPOINTS =
            P.call(413, "DOMAIN_LIST_ALL_CHECKPOINTS", Xdr.lazy(DomainNeedResultsArgs.class),
                    Xdr.lazy(CheckpointList.class)).refusalDomain(ErrorDomain.DOMAIN_CHECKPOINT).high().add();
    public static final Procedure<CheckpointNeedResultsArgs, CheckpointList> DOMAIN_CHECKPOINT_LIST_ALL_CHILDREN =
            P.call(414, "DOMAIN_CHECKPOINT_LIST_ALL_CHILDREN", Xdr.lazy(CheckpointNeedResultsArgs.class),
                    Xdr.lazy(CheckpointList.class)).refusalDomain(ErrorDomain.DOMAIN_CHECKPOINT).high().add();
    public static final Procedure<SnapshotLookupArgs, CheckpointRef> DOMAIN_CHECKPOINT_LOOKUP_BY_NAME =
            P.call(415, "DOMAIN_CHECKPOINT_LOOKUP_BY_NAME", Xdr.lazy(SnapshotLookupArgs.class),
                    Xdr.lazy(CheckpointRef.class)).refusalDomain(ErrorDomain.DOMAIN_CHECKPOINT).high().add();
    public static final Procedure<CheckpointFlagsArgs, CheckpointRef> DOMAIN_CHECKPOINT_GET_PARENT =
            P.call(416, "DOMAIN_CHECKPOINT_GET_PARENT", Xdr.lazy(CheckpointFlagsArgs.class),
                    Xdr.lazy(CheckpointRef.class)).refusalDomain(ErrorDomain.DOMAIN_CHECKPOINT).high().add();
    public static final Procedure<CheckpointFlagsArgs, Void> DOMAIN_CHECKPOINT_DELETE =
            P.call(417, "DOMAIN_CHECKPOINT_DELETE", Xdr.lazy(CheckpointFlagsArgs.class), Xdr.VOID)
                    .denyReadOnly().refusalDomain(ErrorDomain.DOMAIN_CHECKPOINT).add();

    // ---- backups (remote_domain_backup_*) ----
    public static final Procedure<BackupBeginArgs, Void> DOMAIN_BACKUP_BEGIN =
            P.call(421, "DOMAIN_BACKUP_BEGIN", Xdr.lazy(BackupBeginArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<DomainFlagsArgs, String> DOMAIN_BACKUP_GET_XML_DESC =
            P.call(422, "DOMAIN_BACKUP_GET_XML_DESC", Xdr.lazy(DomainFlagsArgs.class), Xdr.STRING).add();

    // ---- §1g secondary drivers clients probe on connect (answered empty by the QEMU daemon) ----

    private static final int OBJECT_LIST_MAX = 16_384;
    private static final int NODE_DEVICE_LIST_MAX = 65_536;

    public static final Procedure<Integer, List<String>> CONNECT_LIST_DEFINED_NETWORKS =
            P.call(36, "CONNECT_LIST_DEFINED_NETWORKS", Xdr.INT, Xdr.array(Xdr.STRING, OBJECT_LIST_MAX))
                    .refusalDomain(ErrorDomain.NETWORK).high().add();
    public static final Procedure<Integer, List<String>> CONNECT_LIST_NETWORKS =
            P.call(38, "CONNECT_LIST_NETWORKS", Xdr.INT, Xdr.array(Xdr.STRING, OBJECT_LIST_MAX))
                    .refusalDomain(ErrorDomain.NETWORK).high().add();
    public static final Procedure<Void, Integer> CONNECT_NUM_OF_DEFINED_NETWORKS =
            P.call(50, "CONNECT_NUM_OF_DEFINED_NETWORKS", Xdr.VOID, Xdr.INT).refusalDomain(ErrorDomain.NETWORK).high().add();
    public static final Procedure<Void, Integer> CONNECT_NUM_OF_NETWORKS =
            P.call(52, "CONNECT_NUM_OF_NETWORKS", Xdr.VOID, Xdr.INT).refusalDomain(ErrorDomain.NETWORK).high().add();
    public static final Procedure<Void, Integer> CONNECT_NUM_OF_STORAGE_POOLS =
            P.call(71, "CONNECT_NUM_OF_STORAGE_POOLS", Xdr.VOID, Xdr.INT).refusalDomain(ErrorDomain.STORAGE).high().add();
    public static final Procedure<Integer, List<String>> CONNECT_LIST_STORAGE_POOLS =
            P.call(72, "CONNECT_LIST_STORAGE_POOLS", Xdr.INT, Xdr.array(Xdr.STRING, OBJECT_LIST_MAX))
                    .refusalDomain(ErrorDomain.STORAGE).high().add();
    public static final Procedure<Void, Integer> CONNECT_NUM_OF_DEFINED_STORAGE_POOLS =
            P.call(73, "CONNECT_NUM_OF_DEFINED_STORAGE_POOLS", Xdr.VOID, Xdr.INT)
                    .refusalDomain(ErrorDomain.STORAGE).high().add();
    public static final Procedure<Integer, List<String>> CONNECT_LIST_DEFINED_STORAGE_POOLS =
            P.call(74, "CONNECT_LIST_DEFINED_STORAGE_POOLS", Xdr.INT, Xdr.array(Xdr.STRING, OBJECT_LIST_MAX))
                    .refusalDomain(ErrorDomain.STORAGE).high().add();
    public static final Procedure<NodeDeviceCountArgs, Integer> NODE_NUM_OF_DEVICES =
            P.call(111, "NODE_NUM_OF_DEVICES", Xdr.lazy(NodeDeviceCountArgs.class), Xdr.INT)
                    .refusalDomain(ErrorDomain.NODEDEV).high().add();
    public static final Procedure<NodeDeviceListArgs, List<String>> NODE_LIST_DEVICES =
            P.call(112, "NODE_LIST_DEVICES", Xdr.lazy(NodeDeviceListArgs.class), Xdr.array(Xdr.STRING, NODE_DEVICE_LIST_MAX))
                    .refusalDomain(ErrorDomain.NODEDEV).high().add();
    public static final Procedure<Void, Integer> CONNECT_NUM_OF_INTERFACES =
            P.call(126, "CONNECT_NUM_OF_INTERFACES", Xdr.VOID, Xdr.INT).refusalDomain(ErrorDomain.INTERFACE).high().add();
    public static final Procedure<Integer, List<String>> CONNECT_LIST_INTERFACES =
            P.call(127, "CONNECT_LIST_INTERFACES", Xdr.INT, Xdr.array(Xdr.STRING, OBJECT_LIST_MAX))
                    .refusalDomain(ErrorDomain.INTERFACE).high().add();
    public static final Procedure<Void, Integer> CONNECT_NUM_OF_DEFINED_INTERFACES =
            P.call(137, "CONNECT_NUM_OF_DEFINED_INTERFACES", Xdr.VOID, Xdr.INT)
                    .refusalDomain(ErrorDomain.INTERFACE).high().add();
    public static final Procedure<Integer, List<String>> CONNECT_LIST_DEFINED_INTERFACES =
            P.call(138, "CONNECT_LIST_DEFINED_INTERFACES", Xdr.INT, Xdr.array(Xdr.STRING, OBJECT_LIST_MAX))
                    .refusalDomain(ErrorDomain.INTERFACE).high().add();
    public static final Procedure<Void, Integer> CONNECT_NUM_OF_SECRETS =
            P.call(139, "CONNECT_NUM_OF_SECRETS", Xdr.VOID, Xdr.INT).refusalDomain(ErrorDomain.SECRET).high().add();
    public static final Procedure<Integer, List<String>> CONNECT_LIST_SECRETS =
            P.call(140, "CONNECT_LIST_SECRETS", Xdr.INT, Xdr.array(Xdr.STRING, OBJECT_LIST_MAX))
                    .refusalDomain(ErrorDomain.SECRET).high().add();
    public static final Procedure<Void, Integer> CONNECT_NUM_OF_NWFILTERS =
            P.call(178, "CONNECT_NUM_OF_NWFILTERS", Xdr.VOID, Xdr.INT).api("virConnectNumOfNWFilters")
                    .refusalDomain(ErrorDomain.NWFILTER).high().add();
    public static final Procedure<Integer, List<String>> CONNECT_LIST_NWFILTERS =
            P.call(179, "CONNECT_LIST_NWFILTERS", Xdr.INT, Xdr.array(Xdr.STRING, OBJECT_LIST_MAX))
                    .api("virConnectListNWFilters").refusalDomain(ErrorDomain.NWFILTER).high().add();
    public static final Procedure<NeedResultsArgs, ObjectList<NameUuidRef>> CONNECT_LIST_ALL_STORAGE_POOLS =
            P.call(281, "CONNECT_LIST_ALL_STORAGE_POOLS", Xdr.lazy(NeedResultsArgs.class),
                    ObjectList.codec(Xdr.lazy(NameUuidRef.class), OBJECT_LIST_MAX)).refusalDomain(ErrorDomain.STORAGE).high().add();
    public static final Procedure<NeedResultsArgs, ObjectList<NameUuidRef>> CONNECT_LIST_ALL_NETWORKS =
            P.call(283, "CONNECT_LIST_ALL_NETWORKS", Xdr.lazy(NeedResultsArgs.class),
                    ObjectList.codec(Xdr.lazy(NameUuidRef.class), OBJECT_LIST_MAX)).refusalDomain(ErrorDomain.NETWORK).high().add();
    public static final Procedure<NeedResultsArgs, ObjectList<InterfaceRef>> CONNECT_LIST_ALL_INTERFACES =
            P.call(284, "CONNECT_LIST_ALL_INTERFACES", Xdr.lazy(NeedResultsArgs.class),
                    ObjectList.codec(Xdr.lazy(InterfaceRef.class), OBJECT_LIST_MAX)).refusalDomain(ErrorDomain.INTERFACE).high().add();
    public static final Procedure<NeedResultsArgs, ObjectList<String>> CONNECT_LIST_ALL_NODE_DEVICES =
            P.call(285, "CONNECT_LIST_ALL_NODE_DEVICES", Xdr.lazy(NeedResultsArgs.class),
                    ObjectList.codec(Xdr.STRING, NODE_DEVICE_LIST_MAX)).refusalDomain(ErrorDomain.NODEDEV).high().add();
    public static final Procedure<NeedResultsArgs, ObjectList<NameUuidRef>> CONNECT_LIST_ALL_NWFILTERS =
            P.call(286, "CONNECT_LIST_ALL_NWFILTERS", Xdr.lazy(NeedResultsArgs.class),
                    ObjectList.codec(Xdr.lazy(NameUuidRef.class), OBJECT_LIST_MAX)).api("virConnectListAllNWFilters")
                    .refusalDomain(ErrorDomain.NWFILTER).high().add();
    public static final Procedure<NeedResultsArgs, ObjectList<SecretRef>> CONNECT_LIST_ALL_SECRETS =
            P.call(287, "CONNECT_LIST_ALL_SECRETS", Xdr.lazy(NeedResultsArgs.class),
                    ObjectList.codec(Xdr.lazy(SecretRef.class), OBJECT_LIST_MAX)).refusalDomain(ErrorDomain.SECRET).high().add();

    // ---- §1h secondary-driver lookups and event registrations, answered by a hypervisor daemon only
    //      when no daemon serves that object kind (otherwise they are forwarded unread) ----

    public static final Procedure<String, NameUuidRef> NETWORK_LOOKUP_BY_NAME =
            P.call(46, "NETWORK_LOOKUP_BY_NAME", Xdr.STRING, Xdr.lazy(NameUuidRef.class)).high().add();
    public static final Procedure<byte[], NameUuidRef> NETWORK_LOOKUP_BY_UUID =
            P.call(47, "NETWORK_LOOKUP_BY_UUID", Xdr.UUID, Xdr.lazy(NameUuidRef.class)).high().add();
    // network ports: what a hypervisor daemon asks the network daemon for a guest's NIC
    public static final Procedure<NetworkPortRef, NetworkPortRef> NETWORK_PORT_LOOKUP_BY_UUID =
            P.call(405, "NETWORK_PORT_LOOKUP_BY_UUID", Xdr.lazy(NetworkPortRef.class), Xdr.lazy(NetworkPortRef.class))
                    .high().add();
    public static final Procedure<NetworkPortCreateArgs, NetworkPortRef> NETWORK_PORT_CREATE_XML =
            P.call(406, "NETWORK_PORT_CREATE_XML", Xdr.lazy(NetworkPortCreateArgs.class), Xdr.lazy(NetworkPortRef.class))
                    .denyReadOnly().add();
    public static final Procedure<NetworkPortFlagsArgs, String> NETWORK_PORT_GET_XML_DESC =
            P.call(409, "NETWORK_PORT_GET_XML_DESC", Xdr.lazy(NetworkPortFlagsArgs.class), Xdr.STRING).add();
    public static final Procedure<NetworkPortFlagsArgs, Void> NETWORK_PORT_DELETE =
            P.call(410, "NETWORK_PORT_DELETE", Xdr.lazy(NetworkPortFlagsArgs.class), Xdr.VOID).denyReadOnly().add();
    public static final Procedure<String, NameUuidRef> STORAGE_POOL_LOOKUP_BY_NAME =
            P.call(84, "STORAGE_POOL_LOOKUP_BY_NAME", Xdr.STRING, Xdr.lazy(NameUuidRef.class))
                    .refusalDomain(ErrorDomain.STORAGE).high().add();
    public static final Procedure<byte[], NameUuidRef> STORAGE_POOL_LOOKUP_BY_UUID =
            P.call(85, "STORAGE_POOL_LOOKUP_BY_UUID", Xdr.UUID, Xdr.lazy(NameUuidRef.class))
                    .refusalDomain(ErrorDomain.STORAGE).high().add();
    public static final Procedure<StorageVolRef, NameUuidRef> STORAGE_POOL_LOOKUP_BY_VOLUME =
            P.call(86, "STORAGE_POOL_LOOKUP_BY_VOLUME", Xdr.lazy(StorageVolRef.class), Xdr.lazy(NameUuidRef.class))
                    .refusalDomain(ErrorDomain.STORAGE).high().add();
    public static final Procedure<String, StorageVolRef> STORAGE_VOL_LOOKUP_BY_KEY =
            P.call(96, "STORAGE_VOL_LOOKUP_BY_KEY", Xdr.STRING, Xdr.lazy(StorageVolRef.class))
                    .refusalDomain(ErrorDomain.STORAGE).high().add();
    public static final Procedure<String, StorageVolRef> STORAGE_VOL_LOOKUP_BY_PATH =
            P.call(97, "STORAGE_VOL_LOOKUP_BY_PATH", Xdr.STRING, Xdr.lazy(StorageVolRef.class))
                    .refusalDomain(ErrorDomain.STORAGE).high().add();
    public static final Procedure<String, String> NODE_DEVICE_LOOKUP_BY_NAME =
            P.call(113, "NODE_DEVICE_LOOKUP_BY_NAME", Xdr.STRING, Xdr.STRING).refusalDomain(ErrorDomain.NODEDEV).high().add();
    public static final Procedure<String, InterfaceRef> INTERFACE_LOOKUP_BY_NAME =
            P.call(128, "INTERFACE_LOOKUP_BY_NAME", Xdr.STRING, Xdr.lazy(InterfaceRef.class))
                    .refusalDomain(ErrorDomain.INTERFACE).high().add();
    public static final Procedure<String, InterfaceRef> INTERFACE_LOOKUP_BY_MAC_STRING =
            P.call(129, "INTERFACE_LOOKUP_BY_MAC_STRING", Xdr.STRING, Xdr.lazy(InterfaceRef.class))
                    .refusalDomain(ErrorDomain.INTERFACE).high().add();
    public static final Procedure<byte[], SecretRef> SECRET_LOOKUP_BY_UUID =
            P.call(141, "SECRET_LOOKUP_BY_UUID", Xdr.UUID, Xdr.lazy(SecretRef.class)).refusalDomain(ErrorDomain.SECRET).high().add();
    public static final Procedure<SecretUsageArgs, SecretRef> SECRET_LOOKUP_BY_USAGE =
            P.call(147, "SECRET_LOOKUP_BY_USAGE", Xdr.lazy(SecretUsageArgs.class), Xdr.lazy(SecretRef.class))
                    .refusalDomain(ErrorDomain.SECRET).high().add();
    public static final Procedure<String, NameUuidRef> NWFILTER_LOOKUP_BY_NAME =
            P.call(175, "NWFILTER_LOOKUP_BY_NAME", Xdr.STRING, Xdr.lazy(NameUuidRef.class))
                    .refusalDomain(ErrorDomain.NWFILTER).high().add();
    public static final Procedure<byte[], NameUuidRef> NWFILTER_LOOKUP_BY_UUID =
            P.call(176, "NWFILTER_LOOKUP_BY_UUID", Xdr.UUID, Xdr.lazy(NameUuidRef.class))
                    .refusalDomain(ErrorDomain.NWFILTER).high().add();
    public static final Procedure<WwnLookupArgs, String> NODE_DEVICE_LOOKUP_SCSI_HOST_BY_WWN =
            P.call(297, "NODE_DEVICE_LOOKUP_SCSI_HOST_BY_WWN", Xdr.lazy(WwnLookupArgs.class), Xdr.STRING)
                    .api("virNodeDeviceLookupSCSIHostByWWN").refusalDomain(ErrorDomain.NODEDEV).high().add();
    public static final Procedure<ObjectEventArgs<NameUuidRef>, Integer> CONNECT_NETWORK_EVENT_REGISTER_ANY =
            P.call(313, "CONNECT_NETWORK_EVENT_REGISTER_ANY", Xdr.lazy(NameUuidRef.class, ObjectEventArgs::codec), Xdr.INT)
                    .refusalDomain(ErrorDomain.NETWORK).high().add();
    public static final Procedure<Integer, Void> CONNECT_NETWORK_EVENT_DEREGISTER_ANY =
            P.call(314, "CONNECT_NETWORK_EVENT_DEREGISTER_ANY", Xdr.INT, Xdr.VOID).refusalDomain(ErrorDomain.NETWORK).high().add();
    public static final Procedure<ObjectEventArgs<NameUuidRef>, Integer> CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY =
            P.call(368, "CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY", Xdr.lazy(NameUuidRef.class, ObjectEventArgs::codec),
                    Xdr.INT).refusalDomain(ErrorDomain.STORAGE).high().add();
    public static final Procedure<Integer, Void> CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY =
            P.call(369, "CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY", Xdr.INT, Xdr.VOID)
                    .refusalDomain(ErrorDomain.STORAGE).high().add();
    public static final Procedure<ObjectEventArgs<String>, Integer> CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY =
            P.call(374, "CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY", ObjectEventArgs.codec(Xdr.STRING), Xdr.INT)
                    .refusalDomain(ErrorDomain.NODEDEV).high().add();
    public static final Procedure<Integer, Void> CONNECT_NODE_DEVICE_EVENT_DEREGISTER_ANY =
            P.call(375, "CONNECT_NODE_DEVICE_EVENT_DEREGISTER_ANY", Xdr.INT, Xdr.VOID)
                    .refusalDomain(ErrorDomain.NODEDEV).high().add();
    public static final Procedure<ObjectEventArgs<SecretRef>, Integer> CONNECT_SECRET_EVENT_REGISTER_ANY =
            P.call(380, "CONNECT_SECRET_EVENT_REGISTER_ANY", Xdr.lazy(SecretRef.class, ObjectEventArgs::codec), Xdr.INT)
                    .refusalDomain(ErrorDomain.SECRET).high().add();
    public static final Procedure<Integer, Void> CONNECT_SECRET_EVENT_DEREGISTER_ANY =
            P.call(381, "CONNECT_SECRET_EVENT_DEREGISTER_ANY", Xdr.INT, Xdr.VOID).refusalDomain(ErrorDomain.SECRET).high().add();
    public static final Procedure<String, NameUuidRef> STORAGE_POOL_LOOKUP_BY_TARGET_PATH =
            P.call(391, "STORAGE_POOL_LOOKUP_BY_TARGET_PATH", Xdr.STRING, Xdr.lazy(NameUuidRef.class))
                    .refusalDomain(ErrorDomain.STORAGE).high().add();
    public static final Procedure<String, NwfilterBindingRef> NWFILTER_BINDING_LOOKUP_BY_PORT_DEV =
            P.call(397, "NWFILTER_BINDING_LOOKUP_BY_PORT_DEV", Xdr.STRING, Xdr.lazy(NwfilterBindingRef.class))
                    .refusalDomain(ErrorDomain.NWFILTER).high().add();
    public static final Procedure<NeedResultsArgs, ObjectList<NwfilterBindingRef>> CONNECT_LIST_ALL_NWFILTER_BINDINGS =
            P.call(401, "CONNECT_LIST_ALL_NWFILTER_BINDINGS", Xdr.lazy(NeedResultsArgs.class),
                    ObjectList.codec(Xdr.lazy(NwfilterBindingRef.class), OBJECT_LIST_MAX))
                    .refusalDomain(ErrorDomain.NWFILTER).high().add();

    static {
        RemoteUnimplemented.declare(P);
    }

    public static final Program PROGRAM = P.build();
}
