package org.virtd.qemu.lifecycle;

import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/**
 * Read access to the runs of active domains for the statistics calls: the run of a domain
 * (libvirt's "domain is not running" otherwise) and its monitor. Readers do not take the
 * domain's lock for the QMP round trips, so polling many domains does not queue behind a
 * long-running call; a run that ends meanwhile fails its QMP call with QEMU's end of file.
 */
public final class LiveGuests {
    private final DomainLifecycle lifecycle;

    public LiveGuests(DomainLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** The run of an active domain; OPERATION_INVALID "domain is not running" in {@code errors} otherwise. */
    public RunningDomain active(DomainObject dom, ErrorDomain errors) throws VirtException {
        RunningDomain rd = runningOrNull(dom);
        if (rd == null) {
            throw DomainControl.notRunning(errors);
        }
        return rd;
    }

    /** The run of {@code dom} when it is active and its QEMU attached; null otherwise. */
    public RunningDomain runningOrNull(DomainObject dom) {
        RunningDomain rd = lifecycle.running(dom);
        if (rd == null || !dom.isActive() || rd.stopped || rd.process() == null) {
            return null;
        }
        return rd;
    }

    public static QmpClient monitor(RunningDomain rd) {
        return DomainControl.monitor(rd);
    }
}
