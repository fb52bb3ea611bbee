package org.virtd.qemu.lifecycle;

import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;


/**
 * Migration bandwidth and downtime limits (virDomainMigrateSet/GetMaxSpeed and MaxDowntime).
 * The precopy bandwidth is remembered per domain whether it runs or not, as libvirt keeps it in
 * the domain object, and given to a running QEMU too; the post-copy bandwidth and the downtime
 * exist only in a running QEMU's migration parameters.
 */
public final class MigrationParams {
    /** The largest bandwidth in MiB/s whose bytes/s still fit a signed 64-bit number. */
    public static final long BANDWIDTH_MAX = Long.MAX_VALUE / (1024 * 1024);
    private static final long MIB = 1024 * 1024;

    private final DomainControl control;

    MigrationParams(DomainControl control) {
        this.control = control;
    }

    public void setMaxSpeed(DomainObject dom, long mibPerSecond, boolean postcopy) throws VirtException {
        if (mibPerSecond < 0 || mibPerSecond > BANDWIDTH_MAX) {
            throw new VirtException(ErrorCode.OVERFLOW, ErrorDomain.QEMU,
                    "bandwidth must be less than " + (BANDWIDTH_MAX + 1));
        }
        dom.lock().lock();
        try {
            if (postcopy || dom.isActive()) {
                RunningDomain rd = control.active(dom, ErrorDomain.DOMAIN);
                String param = postcopy ? "max-postcopy-bandwidth" : "max-bandwidth";
                DomainControl.monitor(rd).execute("migrate-set-parameters", JsonObject.of(param, mibPerSecond * MIB));
            }
            if (!postcopy) {
                dom.migrationBandwidth(mibPerSecond);
            }
        } finally {
            dom.lock().unlock();
        }
    }

    public long maxSpeed(DomainObject dom, boolean postcopy) throws VirtException {
        if (!postcopy) {
            long set = dom.migrationBandwidth();
            return set < 0 ? BANDWIDTH_MAX : set;
        }
        return parameter(dom, "max-postcopy-bandwidth") / MIB;
    }

    public void setMaxDowntime(DomainObject dom, long millis) throws VirtException {
        dom.lock().lock();
        try {
            RunningDomain rd = control.active(dom, ErrorDomain.DOMAIN);
            DomainControl.monitor(rd).execute("migrate-set-parameters", JsonObject.of("downtime-limit", millis));
        } finally {
            dom.lock().unlock();
        }
    }

    public long maxDowntime(DomainObject dom) throws VirtException {
        return parameter(dom, "downtime-limit");
    }

    private long parameter(DomainObject dom, String name) throws VirtException {
        dom.lock().lock();
        try {
            RunningDomain rd = control.active(dom, ErrorDomain.DOMAIN);
            JsonObject params = (JsonObject) DomainControl.monitor(rd).execute("query-migrate-parameters", null);
            return params.number(name, 0);
        } finally {
            dom.lock().unlock();
        }
    }
}
