package org.virtd.qemu.driver;

import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.lifecycle.DomainProcesses;
import org.virtd.qemu.lifecycle.MigrationParams;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;

import java.util.function.Supplier;

/**
 * virsh migrate-setspeed/getspeed and migrate-setmaxdowntime/getmaxdowntime: the limits a
 * migration of the domain would run with (this driver does not migrate yet, but tools set and
 * read them).
 */
final class MigrationParamHandlers {
    /** VIR_DOMAIN_MIGRATE_MAX_SPEED_POSTCOPY. */
    static final int POSTCOPY = 1;

    private final DomainLookup lookup;
    private final Supplier<DomainProcesses> processes;

    MigrationParamHandlers(DomainLookup lookup, Supplier<DomainProcesses> processes) {
        this.lookup = lookup;
        this.processes = processes;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_MIGRATE_SET_MAX_SPEED, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), POSTCOPY, "qemuDomainMigrateSetMaxSpeed", ErrorDomain.QEMU);
            params().setMaxSpeed(lookup.resolve(a.domain()), a.value(), (a.flags() & POSTCOPY) != 0);
            return null;
        });
        t.on(RemoteProgram.DOMAIN_MIGRATE_GET_MAX_SPEED, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), POSTCOPY, "qemuDomainMigrateGetMaxSpeed", ErrorDomain.QEMU);
            return params().maxSpeed(lookup.resolve(a.domain()), (a.flags() & POSTCOPY) != 0);
        });
        t.on(RemoteProgram.DOMAIN_MIGRATE_SET_MAX_DOWNTIME, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainMigrateSetMaxDowntime", ErrorDomain.QEMU);
            params().setMaxDowntime(lookup.resolve(a.domain()), a.value());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_MIGRATE_GET_MAX_DOWNTIME, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainMigrateGetMaxDowntime", ErrorDomain.QEMU);
            return params().maxDowntime(lookup.resolve(a.domain()));
        });
    }

    private MigrationParams params() throws VirtException {
        DomainProcesses p = processes.get();
        if (p == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "the QEMU driver is still starting");
        }
        return p.migration();
    }
}
