package org.virtd.qemu.driver;

import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.lifecycle.DomainProcesses;
import org.virtd.qemu.lifecycle.LiveGuests;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.stats.Disks;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;

import java.util.function.Supplier;

/**
 * Resources of a running guest changed in place (issue 14, qemuDomainBlockResize): a disk's
 * virtual size through QMP {@code block_resize} on its format node. setvcpus and setmem live in
 * {@link DomainTuningHandlers}, the balloon period in {@link DomainStatsHandlers}.
 */
final class LiveResourceHandlers {

    /** {@code VIR_DOMAIN_BLOCK_RESIZE_BYTES}: the size is in bytes, not KiB. */
    static final int RESIZE_BYTES = 1;
    private static final long MAX_KIB = Long.divideUnsigned(-1L, 1024);

    private final DomainLookup lookup;
    private final Supplier<DomainProcesses> processes;

    LiveResourceHandlers(DomainLookup lookup, Supplier<DomainProcesses> processes) {
        this.lookup = lookup;
        this.processes = processes;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_BLOCK_RESIZE, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), RESIZE_BYTES, "qemuDomainBlockResize");
            blockResize(lookup.resolve(a.domain()), a.disk(), a.size(), (a.flags() & RESIZE_BYTES) != 0);
            return null;
        });
    }

    void blockResize(DomainObject dom, String path, long size, boolean bytes) throws VirtException {
        if (!bytes) {
            if (Long.compareUnsigned(size, MAX_KIB) > 0) {
                throw new VirtException(ErrorCode.OVERFLOW, ErrorDomain.QEMU,
                        "size must be less than " + Long.toUnsignedString(MAX_KIB));
            }
            size *= 1024;
        }
        dom.lock().lock();
        try {
            RunningDomain rd = guests().active(dom, ErrorDomain.DOMAIN);
            DomainDef def = rd.live();
            int i = Disks.indexOf(def, path);
            if (i < 0) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                        "disk '" + path + "' was not found in the domain config");
            }
            DiskDef disk = Disks.disks(def).get(i);
            // images grow in whole sectors (a raw block device is left to QEMU)
            if (!"block".equals(disk.type()) || !"raw".equals(disk.driverType())) {
                size = (size + 511) / 512 * 512;
            }
            String node = Disks.formatNode(def, i);
            LiveGuests.monitor(rd).execute("block_resize", JsonObject.of("node-name", node, "size", size));
        } finally {
            dom.lock().unlock();
        }
    }

    private LiveGuests guests() throws VirtException {
        DomainProcesses p = processes.get();
        if (p == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "the QEMU driver is still starting");
        }
        return p.guests();
    }
}
