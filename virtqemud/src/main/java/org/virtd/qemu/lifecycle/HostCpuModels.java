package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.cpu.CpuDef;
import org.virtd.rpc.error.VirtException;

/** The host-model CPU of the emulator and accelerator a definition would run on (null: unknown). */
@FunctionalInterface
public interface HostCpuModels {
    HostCpuModels NONE = def -> null;

    CpuDef hostModel(DomainDef def) throws VirtException;
}
