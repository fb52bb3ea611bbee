package org.virtd.qemu.driver;

import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.lifecycle.DomainProcesses;
import org.virtd.qemu.lifecycle.MonitorCallbacks;
import org.virtd.qemu.lifecycle.MonitorFilter;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.qemu.QemuProgram;

import java.util.function.Supplier;
import java.util.regex.PatternSyntaxException;

/**
 * The QEMU program's DOMAIN_MONITOR_COMMAND (proc 1; {@code virsh qemu-monitor-command}):
 * QMP passthrough, or HMP through {@code human-monitor-command} when flags has bit 1; and the
 * monitor-event callbacks (procs 4 and 5; {@code virsh qemu-monitor-event}).
 */
public final class QemuMonitorHandlers {

    private final DomainLookup lookup;
    private final Supplier<DomainProcesses> processes;
    private final MonitorCallbacks callbacks;

    QemuMonitorHandlers(DomainLookup lookup, Supplier<DomainProcesses> processes, MonitorCallbacks callbacks) {
        this.lookup = lookup;
        this.processes = processes;
        this.callbacks = callbacks;
    }

    public void bind(HandlerTable t) {
        t.on(QemuProgram.DOMAIN_MONITOR_COMMAND, (c, a) -> {
            DomainProcesses p = processes.get();
            if (p == null) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "the QEMU driver is still starting");
            }
            return p.monitor().command(lookup.resolve(a.domain()), a.cmd(), a.flags());
        });
        t.on(QemuProgram.CONNECT_DOMAIN_MONITOR_EVENT_REGISTER,
                (c, a) -> callbacks.register(c.client(), a.domain(), filter(a.event(), a.flags())));
        t.on(QemuProgram.CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER, (c, id) -> {
            callbacks.deregister(c.client(), id);
            return null;
        });
    }

    private static MonitorFilter filter(String event, int flags) throws VirtException {
        try {
            return MonitorFilter.of(event, flags);
        } catch (PatternSyntaxException e) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                    "failed to compile regex '" + event + "': " + e.getDescription());
        }
    }
}
