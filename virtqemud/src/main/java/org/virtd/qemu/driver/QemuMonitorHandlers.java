package org.virtd.qemu.driver;

import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.lifecycle.DomainProcesses;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.qemu.QemuProgram;

import java.util.function.Supplier;

/**
 * The QEMU program's DOMAIN_MONITOR_COMMAND (proc 1; {@code virsh qemu-monitor-command}):
 * QMP passthrough, or HMP through {@code human-monitor-command} when flags has bit 1.
 */
public final class QemuMonitorHandlers {

    private final DomainLookup lookup;
    private final Supplier<DomainProcesses> processes;

    QemuMonitorHandlers(DomainLookup lookup, Supplier<DomainProcesses> processes) {
        this.lookup = lookup;
        this.processes = processes;
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
    }
}
