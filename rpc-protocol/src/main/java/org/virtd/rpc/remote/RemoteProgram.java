package org.virtd.rpc.remote;

import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.message.Limits;
import org.virtd.rpc.program.Procedure;
import org.virtd.rpc.program.Program;
import org.virtd.rpc.remote.types.AgentLifecycleEvent;
import org.virtd.rpc.remote.types.AuthSaslResult;
import org.virtd.rpc.remote.types.AuthSaslStartArgs;
import org.virtd.rpc.remote.types.AuthSaslStepArgs;
import org.virtd.rpc.remote.types.BalloonChangeEvent;
import org.virtd.rpc.remote.types.BlockJob2Event;
import org.virtd.rpc.remote.types.BlockJobEvent;
import org.virtd.rpc.remote.types.BlockThresholdEvent;
import org.virtd.rpc.remote.types.CallbackEvent;
import org.virtd.rpc.remote.types.CallbackRegisterArgs;
import org.virtd.rpc.remote.types.CellsFreeMemoryArgs;
import org.virtd.rpc.remote.types.ControlErrorEvent;
import org.virtd.rpc.remote.types.CountedParams;
import org.virtd.rpc.remote.types.CpuModelNames;
import org.virtd.rpc.remote.types.CpuModelNamesArgs;
import org.virtd.rpc.remote.types.DeviceAddedEvent;
import org.virtd.rpc.remote.types.DeviceRemovalFailedEvent;
import org.virtd.rpc.remote.types.DeviceRemovedEvent;
import org.virtd.rpc.remote.types.DiskChangeEvent;
import org.virtd.rpc.remote.types.DomainCapabilitiesArgs;
import org.virtd.rpc.remote.types.DomainList;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.GraphicsEvent;
import org.virtd.rpc.remote.types.IoErrorEvent;
import org.virtd.rpc.remote.types.IoErrorReasonEvent;
import org.virtd.rpc.remote.types.JobCompletedEvent;
import org.virtd.rpc.remote.types.LifecycleEvent;
import org.virtd.rpc.remote.types.MemoryDeviceSizeChangeEvent;
import org.virtd.rpc.remote.types.MemoryFailureEvent;
import org.virtd.rpc.remote.types.MetadataChangeEvent;
import org.virtd.rpc.remote.types.MigrationIterationEvent;
import org.virtd.rpc.remote.types.NParamsFlagsArgs;
import org.virtd.rpc.remote.types.NeedResultsArgs;
import org.virtd.rpc.remote.types.NodeCpuMap;
import org.virtd.rpc.remote.types.NodeCpuMapArgs;
import org.virtd.rpc.remote.types.NodeCpuStatsArgs;
import org.virtd.rpc.remote.types.NodeInfo;
import org.virtd.rpc.remote.types.NodeMemoryStatsArgs;
import org.virtd.rpc.remote.types.NodeStats;
import org.virtd.rpc.remote.types.OpenArgs;
import org.virtd.rpc.remote.types.PmSuspendDiskEvent;
import org.virtd.rpc.remote.types.PmSuspendEvent;
import org.virtd.rpc.remote.types.PmWakeupEvent;
import org.virtd.rpc.remote.types.RebootEvent;
import org.virtd.rpc.remote.types.RtcChangeEvent;
import org.virtd.rpc.remote.types.SecurityModel;
import org.virtd.rpc.remote.types.SetIdentityArgs;
import org.virtd.rpc.remote.types.TrayChangeEvent;
import org.virtd.rpc.remote.types.TunableEvent;
import org.virtd.rpc.remote.types.WatchdogEvent;
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

    public static final int ID = 0x20008086;
    public static final int VERSION = 1;

    private static final Program.Builder P = Program.builder(ID, VERSION, "REMOTE");

    // ---- §1a connection / host ----

    public static final Procedure<OpenArgs, Void> CONNECT_OPEN =
            P.call(1, "CONNECT_OPEN", OpenArgs.CODEC, Xdr.VOID).beforeOpen().high().add();
    public static final Procedure<Void, Void> CONNECT_CLOSE =
            P.call(2, "CONNECT_CLOSE", Xdr.VOID, Xdr.VOID).high().add();
    public static final Procedure<Void, String> CONNECT_GET_TYPE =
            P.call(3, "CONNECT_GET_TYPE", Xdr.VOID, Xdr.STRING).high().add();
    public static final Procedure<Void, Long> CONNECT_GET_VERSION =
            P.call(4, "CONNECT_GET_VERSION", Xdr.VOID, Xdr.UHYPER).high().add();
    public static final Procedure<String, Integer> CONNECT_GET_MAX_VCPUS =
            P.call(5, "CONNECT_GET_MAX_VCPUS", Xdr.OPT_STRING, Xdr.INT).high().add();
    public static final Procedure<Void, NodeInfo> NODE_GET_INFO =
            P.call(6, "NODE_GET_INFO", Xdr.VOID, NodeInfo.CODEC).high().add();
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
            P.call(68, "AUTH_SASL_START", AuthSaslStartArgs.CODEC, AuthSaslResult.CODEC).beforeAuth().high().add();
    public static final Procedure<AuthSaslStepArgs, AuthSaslResult> AUTH_SASL_STEP =
            P.call(69, "AUTH_SASL_STEP", AuthSaslStepArgs.CODEC, AuthSaslResult.CODEC).beforeAuth().high().add();
    public static final Procedure<Void, Integer> AUTH_POLKIT =
            P.call(70, "AUTH_POLKIT", Xdr.VOID, Xdr.INT).beforeAuth().high().add();
    public static final Procedure<CellsFreeMemoryArgs, List<Long>> NODE_GET_CELLS_FREE_MEMORY =
            P.call(101, "NODE_GET_CELLS_FREE_MEMORY", CellsFreeMemoryArgs.CODEC,
                    Xdr.array(Xdr.UHYPER, Limits.NODE_MAX_CELLS)).high().add();
    public static final Procedure<Void, Long> NODE_GET_FREE_MEMORY =
            P.call(102, "NODE_GET_FREE_MEMORY", Xdr.VOID, Xdr.UHYPER).high().add();
    public static final Procedure<Void, String> CONNECT_GET_URI =
            P.call(110, "CONNECT_GET_URI", Xdr.VOID, Xdr.STRING).high().add();
    public static final Procedure<Void, SecurityModel> NODE_GET_SECURITY_MODEL =
            P.call(122, "NODE_GET_SECURITY_MODEL", Xdr.VOID, SecurityModel.CODEC).high().add();
    public static final Procedure<Void, Integer> CONNECT_IS_SECURE =
            P.call(149, "CONNECT_IS_SECURE", Xdr.VOID, Xdr.INT).high().add();
    public static final Procedure<Void, Long> CONNECT_GET_LIB_VERSION =
            P.call(157, "CONNECT_GET_LIB_VERSION", Xdr.VOID, Xdr.UHYPER).high().add();
    public static final Procedure<XmlFlagsArgs, Integer> CONNECT_COMPARE_CPU =
            P.call(158, "CONNECT_COMPARE_CPU", XmlFlagsArgs.CODEC, Xdr.INT).high().add();
    public static final Procedure<Integer, String> CONNECT_GET_SYSINFO =
            P.call(203, "CONNECT_GET_SYSINFO", Xdr.UINT, Xdr.STRING).high().add();
    public static final Procedure<NodeCpuStatsArgs, NodeStats> NODE_GET_CPU_STATS =
            P.call(227, "NODE_GET_CPU_STATS", NodeCpuStatsArgs.CODEC, NodeStats.CODEC).high().add();
    public static final Procedure<NodeMemoryStatsArgs, NodeStats> NODE_GET_MEMORY_STATS =
            P.call(228, "NODE_GET_MEMORY_STATS", NodeMemoryStatsArgs.CODEC, NodeStats.CODEC).high().add();
    public static final Procedure<NParamsFlagsArgs, CountedParams> NODE_GET_MEMORY_PARAMETERS =
            P.call(289, "NODE_GET_MEMORY_PARAMETERS", NParamsFlagsArgs.CODEC,
                    CountedParams.codec(Limits.NODE_MEMORY_PARAMETERS_MAX)).add();
    public static final Procedure<NodeCpuMapArgs, NodeCpuMap> NODE_GET_CPU_MAP =
            P.call(293, "NODE_GET_CPU_MAP", NodeCpuMapArgs.CODEC, NodeCpuMap.CODEC).add();
    public static final Procedure<CpuModelNamesArgs, CpuModelNames> CONNECT_GET_CPU_MODEL_NAMES =
            P.call(312, "CONNECT_GET_CPU_MODEL_NAMES", CpuModelNamesArgs.CODEC, CpuModelNames.CODEC).add();
    public static final Procedure<DomainCapabilitiesArgs, String> CONNECT_GET_DOMAIN_CAPABILITIES =
            P.call(342, "CONNECT_GET_DOMAIN_CAPABILITIES", DomainCapabilitiesArgs.CODEC, Xdr.STRING)
                    .denyReadOnly().refusalDomain(ErrorDomain.DOMAIN).add();
    public static final Procedure<Void, Void> CONNECT_REGISTER_CLOSE_CALLBACK =
            P.call(360, "CONNECT_REGISTER_CLOSE_CALLBACK", Xdr.VOID, Xdr.VOID).add();
    public static final Procedure<Void, Void> CONNECT_UNREGISTER_CLOSE_CALLBACK =
            P.call(361, "CONNECT_UNREGISTER_CLOSE_CALLBACK", Xdr.VOID, Xdr.VOID).add();
    /** Sent to clients that registered with 360 when the hypervisor connection dies; body {@code int reason}. */
    public static final Procedure<Integer, Void> CONNECT_EVENT_CONNECTION_CLOSED =
            P.message(362, "CONNECT_EVENT_CONNECTION_CLOSED", Xdr.INT).add();
    public static final Procedure<SetIdentityArgs, Void> CONNECT_SET_IDENTITY =
            P.call(419, "CONNECT_SET_IDENTITY", SetIdentityArgs.CODEC, Xdr.VOID).add();

    // ---- §1b listing / lookup ----

    public static final Procedure<Integer, List<String>> CONNECT_LIST_DEFINED_DOMAINS =
            P.call(21, "CONNECT_LIST_DEFINED_DOMAINS", Xdr.INT,
                    Xdr.array(Xdr.STRING, Limits.DOMAIN_LIST_MAX)).high().add();
    public static final Procedure<Integer, DomainRef> DOMAIN_LOOKUP_BY_ID =
            P.call(22, "DOMAIN_LOOKUP_BY_ID", Xdr.INT, DomainRef.CODEC).high().add();
    public static final Procedure<String, DomainRef> DOMAIN_LOOKUP_BY_NAME =
            P.call(23, "DOMAIN_LOOKUP_BY_NAME", Xdr.STRING, DomainRef.CODEC).high().add();
    public static final Procedure<byte[], DomainRef> DOMAIN_LOOKUP_BY_UUID =
            P.call(24, "DOMAIN_LOOKUP_BY_UUID", Xdr.UUID, DomainRef.CODEC).high().add();
    public static final Procedure<Void, Integer> CONNECT_NUM_OF_DEFINED_DOMAINS =
            P.call(25, "CONNECT_NUM_OF_DEFINED_DOMAINS", Xdr.VOID, Xdr.INT).high().add();
    public static final Procedure<Integer, List<Integer>> CONNECT_LIST_DOMAINS =
            P.call(37, "CONNECT_LIST_DOMAINS", Xdr.INT, Xdr.array(Xdr.INT, Limits.DOMAIN_LIST_MAX)).high().add();
    public static final Procedure<Void, Integer> CONNECT_NUM_OF_DOMAINS =
            P.call(51, "CONNECT_NUM_OF_DOMAINS", Xdr.VOID, Xdr.INT).high().add();
    public static final Procedure<NeedResultsArgs, DomainList> CONNECT_LIST_ALL_DOMAINS =
            P.call(273, "CONNECT_LIST_ALL_DOMAINS", NeedResultsArgs.CODEC, DomainList.CODEC).high().add();

    // ---- §1f event registration ----

    public static final Procedure<Void, Void> CONNECT_DOMAIN_EVENT_REGISTER =
            P.call(105, "CONNECT_DOMAIN_EVENT_REGISTER", Xdr.VOID, Xdr.VOID).high().add();
    public static final Procedure<Void, Void> CONNECT_DOMAIN_EVENT_DEREGISTER =
            P.call(106, "CONNECT_DOMAIN_EVENT_DEREGISTER", Xdr.VOID, Xdr.VOID).high().add();
    public static final Procedure<Integer, Void> CONNECT_DOMAIN_EVENT_REGISTER_ANY =
            P.call(167, "CONNECT_DOMAIN_EVENT_REGISTER_ANY", Xdr.INT, Xdr.VOID).high().add();
    public static final Procedure<Integer, Void> CONNECT_DOMAIN_EVENT_DEREGISTER_ANY =
            P.call(168, "CONNECT_DOMAIN_EVENT_DEREGISTER_ANY", Xdr.INT, Xdr.VOID).high().add();
    public static final Procedure<CallbackRegisterArgs, Integer> CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY =
            P.call(316, "CONNECT_DOMAIN_EVENT_CALLBACK_REGISTER_ANY", CallbackRegisterArgs.CODEC, Xdr.INT)
                    .api("virConnectDomainEventRegisterAny").high().add();
    public static final Procedure<Integer, Void> CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY =
            P.call(317, "CONNECT_DOMAIN_EVENT_CALLBACK_DEREGISTER_ANY", Xdr.INT, Xdr.VOID)
                    .api("virConnectDomainEventDeregisterAny").high().add();

    // ---- §4 domain event messages: legacy bodies (no callback id) ----

    public static final Procedure<LifecycleEvent, Void> DOMAIN_EVENT_LIFECYCLE =
            P.message(107, "DOMAIN_EVENT_LIFECYCLE", LifecycleEvent.CODEC).add();
    public static final Procedure<RebootEvent, Void> DOMAIN_EVENT_REBOOT =
            P.message(169, "DOMAIN_EVENT_REBOOT", RebootEvent.CODEC).add();
    public static final Procedure<RtcChangeEvent, Void> DOMAIN_EVENT_RTC_CHANGE =
            P.message(170, "DOMAIN_EVENT_RTC_CHANGE", RtcChangeEvent.CODEC).add();
    public static final Procedure<WatchdogEvent, Void> DOMAIN_EVENT_WATCHDOG =
            P.message(171, "DOMAIN_EVENT_WATCHDOG", WatchdogEvent.CODEC).add();
    public static final Procedure<IoErrorEvent, Void> DOMAIN_EVENT_IO_ERROR =
            P.message(172, "DOMAIN_EVENT_IO_ERROR", IoErrorEvent.CODEC).add();
    public static final Procedure<GraphicsEvent, Void> DOMAIN_EVENT_GRAPHICS =
            P.message(173, "DOMAIN_EVENT_GRAPHICS", GraphicsEvent.CODEC).add();
    public static final Procedure<IoErrorReasonEvent, Void> DOMAIN_EVENT_IO_ERROR_REASON =
            P.message(195, "DOMAIN_EVENT_IO_ERROR_REASON", IoErrorReasonEvent.CODEC).add();
    public static final Procedure<ControlErrorEvent, Void> DOMAIN_EVENT_CONTROL_ERROR =
            P.message(224, "DOMAIN_EVENT_CONTROL_ERROR", ControlErrorEvent.CODEC).add();
    public static final Procedure<BlockJobEvent, Void> DOMAIN_EVENT_BLOCK_JOB =
            P.message(241, "DOMAIN_EVENT_BLOCK_JOB", BlockJobEvent.CODEC).add();
    public static final Procedure<DiskChangeEvent, Void> DOMAIN_EVENT_DISK_CHANGE =
            P.message(248, "DOMAIN_EVENT_DISK_CHANGE", DiskChangeEvent.CODEC).add();
    public static final Procedure<TrayChangeEvent, Void> DOMAIN_EVENT_TRAY_CHANGE =
            P.message(268, "DOMAIN_EVENT_TRAY_CHANGE", TrayChangeEvent.CODEC).add();
    public static final Procedure<PmWakeupEvent, Void> DOMAIN_EVENT_PMWAKEUP =
            P.message(269, "DOMAIN_EVENT_PMWAKEUP", PmWakeupEvent.LEGACY_CODEC).add();
    public static final Procedure<PmSuspendEvent, Void> DOMAIN_EVENT_PMSUSPEND =
            P.message(270, "DOMAIN_EVENT_PMSUSPEND", PmSuspendEvent.LEGACY_CODEC).add();
    public static final Procedure<BalloonChangeEvent, Void> DOMAIN_EVENT_BALLOON_CHANGE =
            P.message(276, "DOMAIN_EVENT_BALLOON_CHANGE", BalloonChangeEvent.CODEC).add();
    public static final Procedure<PmSuspendDiskEvent, Void> DOMAIN_EVENT_PMSUSPEND_DISK =
            P.message(292, "DOMAIN_EVENT_PMSUSPEND_DISK", PmSuspendDiskEvent.LEGACY_CODEC).add();
    public static final Procedure<DeviceRemovedEvent, Void> DOMAIN_EVENT_DEVICE_REMOVED =
            P.message(311, "DOMAIN_EVENT_DEVICE_REMOVED", DeviceRemovedEvent.CODEC).add();

    // ---- §4 domain event messages: callback bodies (callback id first) ----

    public static final Procedure<CallbackEvent<LifecycleEvent>, Void> DOMAIN_EVENT_CALLBACK_LIFECYCLE =
            P.message(318, "DOMAIN_EVENT_CALLBACK_LIFECYCLE", CallbackEvent.codec(LifecycleEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<RebootEvent>, Void> DOMAIN_EVENT_CALLBACK_REBOOT =
            P.message(319, "DOMAIN_EVENT_CALLBACK_REBOOT", CallbackEvent.codec(RebootEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<RtcChangeEvent>, Void> DOMAIN_EVENT_CALLBACK_RTC_CHANGE =
            P.message(320, "DOMAIN_EVENT_CALLBACK_RTC_CHANGE", CallbackEvent.codec(RtcChangeEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<WatchdogEvent>, Void> DOMAIN_EVENT_CALLBACK_WATCHDOG =
            P.message(321, "DOMAIN_EVENT_CALLBACK_WATCHDOG", CallbackEvent.codec(WatchdogEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<IoErrorEvent>, Void> DOMAIN_EVENT_CALLBACK_IO_ERROR =
            P.message(322, "DOMAIN_EVENT_CALLBACK_IO_ERROR", CallbackEvent.codec(IoErrorEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<GraphicsEvent>, Void> DOMAIN_EVENT_CALLBACK_GRAPHICS =
            P.message(323, "DOMAIN_EVENT_CALLBACK_GRAPHICS", CallbackEvent.codec(GraphicsEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<IoErrorReasonEvent>, Void> DOMAIN_EVENT_CALLBACK_IO_ERROR_REASON =
            P.message(324, "DOMAIN_EVENT_CALLBACK_IO_ERROR_REASON", CallbackEvent.codec(IoErrorReasonEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<ControlErrorEvent>, Void> DOMAIN_EVENT_CALLBACK_CONTROL_ERROR =
            P.message(325, "DOMAIN_EVENT_CALLBACK_CONTROL_ERROR", CallbackEvent.codec(ControlErrorEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<BlockJobEvent>, Void> DOMAIN_EVENT_CALLBACK_BLOCK_JOB =
            P.message(326, "DOMAIN_EVENT_CALLBACK_BLOCK_JOB", CallbackEvent.codec(BlockJobEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<DiskChangeEvent>, Void> DOMAIN_EVENT_CALLBACK_DISK_CHANGE =
            P.message(327, "DOMAIN_EVENT_CALLBACK_DISK_CHANGE", CallbackEvent.codec(DiskChangeEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<TrayChangeEvent>, Void> DOMAIN_EVENT_CALLBACK_TRAY_CHANGE =
            P.message(328, "DOMAIN_EVENT_CALLBACK_TRAY_CHANGE", CallbackEvent.codec(TrayChangeEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<PmWakeupEvent>, Void> DOMAIN_EVENT_CALLBACK_PMWAKEUP =
            P.message(329, "DOMAIN_EVENT_CALLBACK_PMWAKEUP", CallbackEvent.codec(PmWakeupEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<PmSuspendEvent>, Void> DOMAIN_EVENT_CALLBACK_PMSUSPEND =
            P.message(330, "DOMAIN_EVENT_CALLBACK_PMSUSPEND", CallbackEvent.codec(PmSuspendEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<BalloonChangeEvent>, Void> DOMAIN_EVENT_CALLBACK_BALLOON_CHANGE =
            P.message(331, "DOMAIN_EVENT_CALLBACK_BALLOON_CHANGE", CallbackEvent.codec(BalloonChangeEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<PmSuspendDiskEvent>, Void> DOMAIN_EVENT_CALLBACK_PMSUSPEND_DISK =
            P.message(332, "DOMAIN_EVENT_CALLBACK_PMSUSPEND_DISK", CallbackEvent.codec(PmSuspendDiskEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<DeviceRemovedEvent>, Void> DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED =
            P.message(333, "DOMAIN_EVENT_CALLBACK_DEVICE_REMOVED", CallbackEvent.codec(DeviceRemovedEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<BlockJob2Event>, Void> DOMAIN_EVENT_BLOCK_JOB_2 =
            P.message(339, "DOMAIN_EVENT_BLOCK_JOB_2", CallbackEvent.codec(BlockJob2Event.CODEC)).add();
    public static final Procedure<CallbackEvent<TunableEvent>, Void> DOMAIN_EVENT_CALLBACK_TUNABLE =
            P.message(346, "DOMAIN_EVENT_CALLBACK_TUNABLE", CallbackEvent.codec(TunableEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<AgentLifecycleEvent>, Void> DOMAIN_EVENT_CALLBACK_AGENT_LIFECYCLE =
            P.message(348, "DOMAIN_EVENT_CALLBACK_AGENT_LIFECYCLE", CallbackEvent.codec(AgentLifecycleEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<DeviceAddedEvent>, Void> DOMAIN_EVENT_CALLBACK_DEVICE_ADDED =
            P.message(354, "DOMAIN_EVENT_CALLBACK_DEVICE_ADDED", CallbackEvent.codec(DeviceAddedEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<MigrationIterationEvent>, Void> DOMAIN_EVENT_CALLBACK_MIGRATION_ITERATION =
            P.message(359, "DOMAIN_EVENT_CALLBACK_MIGRATION_ITERATION", CallbackEvent.codec(MigrationIterationEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<JobCompletedEvent>, Void> DOMAIN_EVENT_CALLBACK_JOB_COMPLETED =
            P.message(363, "DOMAIN_EVENT_CALLBACK_JOB_COMPLETED", CallbackEvent.codec(JobCompletedEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<DeviceRemovalFailedEvent>, Void> DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED =
            P.message(367, "DOMAIN_EVENT_CALLBACK_DEVICE_REMOVAL_FAILED", CallbackEvent.codec(DeviceRemovalFailedEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<MetadataChangeEvent>, Void> DOMAIN_EVENT_CALLBACK_METADATA_CHANGE =
            P.message(379, "DOMAIN_EVENT_CALLBACK_METADATA_CHANGE", CallbackEvent.codec(MetadataChangeEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<BlockThresholdEvent>, Void> DOMAIN_EVENT_BLOCK_THRESHOLD =
            P.message(385, "DOMAIN_EVENT_BLOCK_THRESHOLD", CallbackEvent.codec(BlockThresholdEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<MemoryFailureEvent>, Void> DOMAIN_EVENT_MEMORY_FAILURE =
            P.message(423, "DOMAIN_EVENT_MEMORY_FAILURE", CallbackEvent.codec(MemoryFailureEvent.CODEC)).add();
    public static final Procedure<CallbackEvent<MemoryDeviceSizeChangeEvent>, Void> DOMAIN_EVENT_MEMORY_DEVICE_SIZE_CHANGE =
            P.message(438, "DOMAIN_EVENT_MEMORY_DEVICE_SIZE_CHANGE", CallbackEvent.codec(MemoryDeviceSizeChangeEvent.CODEC)).add();

    //@@STEP2@@

    public static final Program PROGRAM = P.build();
}
