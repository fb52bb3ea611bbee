package org.virtd.vbox.driver;

import org.virtd.core.driver.HandlerTable;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.DomainFlags.ModificationImpact;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.vbox.manage.MachineInfo;
import org.virtd.vbox.manage.MachineState;

/**
 * setmem and setvcpus within libvirt's vbox rules (vbox-driver.md §5): memory only while powered
 * off, rounded up to whole MiB; the vCPU count with exactly the LIVE flag (the old setVcpus
 * means LIVE), which VirtualBox itself refuses for a running machine (its lock error).
 */
final class DomainTuningHandlers {
    private final MachinesSource machines;

    DomainTuningHandlers(MachinesSource machines) {
        this.machines = machines;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_SET_MEMORY, (c, a) -> setMemory(a.domain(), a.memory()));
        t.on(RemoteProgram.DOMAIN_SET_VCPUS, (c, a) -> setVcpus(a.domain(), a.value(), ModificationImpact.LIVE));
        t.on(RemoteProgram.DOMAIN_SET_VCPUS_FLAGS, (c, a) -> setVcpus(a.domain(), a.nvcpus(), a.flags()));
    }

    Void setMemory(DomainRef ref, long kib) throws VirtException {
        Machines m = machines.get();
        return m.locked(ref.javaUuid(), () -> {
            MachineInfo info = m.info(ref);
            if (info.state() != MachineState.POWERED_OFF) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.VBOX,
                        "memory size can't be changed unless domain is powered down");
            }
            m.manage().call("modifyvm", info.uuid().toString(), "--memory", Long.toString((kib + 1023) / 1024));
            return null;
        });
    }

    Void setVcpus(DomainRef ref, int count, int flags) throws VirtException {
        if (flags != ModificationImpact.LIVE) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.VBOX,
                    String.format("unsupported flags: (0x%x)", flags));
        }
        Machines m = machines.get();
        return m.locked(ref.javaUuid(), () -> {
            MachineInfo info = m.info(ref);
            m.manage().call("modifyvm", info.uuid().toString(), "--cpus", Integer.toString(count));
            return null;
        });
    }
}
