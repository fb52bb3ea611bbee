package org.virtd.rpc.qemu;

import org.virtd.rpc.program.Procedure;
import org.virtd.rpc.program.Program;
import org.virtd.rpc.qemu.types.AgentCommandArgs;
import org.virtd.rpc.qemu.types.MonitorCommandArgs;
import org.virtd.rpc.qemu.types.MonitorEvent;
import org.virtd.rpc.qemu.types.MonitorEventRegisterArgs;
import org.virtd.rpc.qemu.types.QemuAttachArgs;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.xdr.Xdr;

/**
 * The QEMU program (0x20008087 v1, qemu_protocol.x, procedures.md §5): monitor and agent
 * pass-through and monitor events. Read-only refusals here are reported with error domain NONE
 * (libvirt-qemu.c has no domain of its own).
 */
public final class QemuProgram {
    private QemuProgram() {
    }

    public static final int ID = 0x20008087;
    public static final int VERSION = 1;

    private static final Program.Builder P = Program.builder(ID, VERSION, "QEMU");

    public static final Procedure<MonitorCommandArgs, String> DOMAIN_MONITOR_COMMAND =
            P.call(1, "DOMAIN_MONITOR_COMMAND", Xdr.lazy(MonitorCommandArgs.class), Xdr.STRING)
                    .api("virDomainQemuMonitorCommand").denyReadOnly().add();
    public static final Procedure<QemuAttachArgs, DomainRef> DOMAIN_ATTACH =
            P.call(2, "DOMAIN_ATTACH", Xdr.lazy(QemuAttachArgs.class), Xdr.lazy(DomainRef.class))
                    .api("virDomainQemuAttach").denyReadOnly().add();
    public static final Procedure<AgentCommandArgs, String> DOMAIN_AGENT_COMMAND =
            P.call(3, "DOMAIN_AGENT_COMMAND", Xdr.lazy(AgentCommandArgs.class), Xdr.OPT_STRING)
                    .api("virDomainQemuAgentCommand").denyReadOnly().add();
    public static final Procedure<MonitorEventRegisterArgs, Integer> CONNECT_DOMAIN_MONITOR_EVENT_REGISTER =
            P.call(4, "CONNECT_DOMAIN_MONITOR_EVENT_REGISTER", Xdr.lazy(MonitorEventRegisterArgs.class), Xdr.INT)
                    .api("virConnectDomainQemuMonitorEventRegister").denyReadOnly().add();
    public static final Procedure<Integer, Void> CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER =
            P.call(5, "CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER", Xdr.INT, Xdr.VOID)
                    .api("virConnectDomainQemuMonitorEventDeregister").add();
    public static final Procedure<MonitorEvent, Void> DOMAIN_MONITOR_EVENT =
            P.message(6, "DOMAIN_MONITOR_EVENT", Xdr.lazy(MonitorEvent.class)).add();
    /** Sent as CALL_WITH_FDS; the reply may carry fds (REPLY_WITH_FDS). */
    public static final Procedure<MonitorCommandArgs, String> DOMAIN_MONITOR_COMMAND_WITH_FILES =
            P.call(7, "DOMAIN_MONITOR_COMMAND_WITH_FILES", Xdr.lazy(MonitorCommandArgs.class), Xdr.STRING)
                    .api("virDomainQemuMonitorCommandWithFiles").denyReadOnly().add();

    public static final Program PROGRAM = P.build();
}
