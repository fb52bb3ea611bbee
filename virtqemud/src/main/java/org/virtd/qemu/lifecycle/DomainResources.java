package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.qemu.qmp.QmpException;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;


/**
 * The live half of setmem and setvcpus (qemu-driver.md §5): the balloon target through QMP
 * {@code balloon}, vCPUs through {@link VcpuHotplug}. Flags and limits are checked by the caller (the
 * config handlers); the live definition and status file follow each change.
 */
public final class DomainResources {

    /** The balloon device's QOM path (the driver gives it id balloon0). */
    public static final String BALLOON_QOM_PATH = "/machine/peripheral/balloon0";

    private final DomainLifecycle lifecycle;
    private final DomainControl control;

    public DomainResources(DomainLifecycle lifecycle, DomainControl control) {
        this.lifecycle = lifecycle;
        this.control = control;
    }

    public void setMemory(DomainObject dom, long kib) throws VirtException {
        dom.lock().lock();
        try {
            RunningDomain rd = control.active(dom, ErrorDomain.QEMU);
            var balloon = rd.live().devices() != null ? rd.live().devices().memballoon() : null;
            if (balloon == null || "none".equals(balloon.model())) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "Unable to change memory of active domain without the balloon device and guest OS "
                                + "balloon driver");
            }
            // the live current memory follows the guest's BALLOON_CHANGE reports, as libvirt's
            // does: a guest without a balloon driver keeps what it has
            DomainControl.monitor(rd).execute("balloon", JsonObject.of("value", kib * 1024));
        } finally {
            dom.lock().unlock();
        }
    }

    /**
     * The live current memory of a guest just started: what its balloon holds now (libvirt
     * refreshes it the same way), which stays the maximum until a balloon driver in the guest moves it.
     */
    static DomainDef withBalloonActual(DomainDef live, QmpClient monitor) {
        try {
            JsonObject b = (JsonObject) monitor.execute("query-balloon", null);
            long kib = b.number("actual", 0) / 1024;
            return kib > 0 ? live.withMemory(live.memoryKiB(), kib) : live;
        } catch (VirtException e) {
            return live;
        }
    }

    /** How often the guest's balloon driver reports its statistics; 0 stops the polling. */
    public void setBalloonPeriod(DomainObject dom, int seconds) throws VirtException {
        dom.lock().lock();
        try {
            RunningDomain rd = control.active(dom, ErrorDomain.DOMAIN);
            var balloon = rd.live().devices() != null ? rd.live().devices().memballoon() : null;
            if (balloon == null || "none".equals(balloon.model())) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                        "No memory balloon device configured, can not set the collection period");
            }
            try {
                setPollingInterval(DomainControl.monitor(rd), seconds);
            } catch (QmpException e) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "unable to set balloon driver collection period");
            }
            rd.live(rd.live().withDevices(rd.live().devices().withMemballoon(balloon.withPeriod(seconds))));
            dom.setActive(rd.id(), rd.live());
            lifecycle.writeStatus(rd);
        } finally {
            dom.lock().unlock();
        }
    }

    static void setPollingInterval(QmpClient monitor, int seconds) throws VirtException {
        monitor.execute("qom-set", JsonObject.of("path", BALLOON_QOM_PATH, "property",
                "guest-stats-polling-interval", "value", (long) seconds));
    }

    /** The vCPUs the guest's agent reports online (all it knows with {@code maximum}). */
    public int guestVcpus(DomainObject dom, boolean maximum) throws VirtException {
        return AgentVcpus.count(control.active(dom, ErrorDomain.QEMU), maximum);
    }

    /** Brings {@code count} of the guest's vCPUs online through its agent. */
    public void setGuestVcpus(DomainObject dom, int count) throws VirtException {
        AgentVcpus.set(control.active(dom, ErrorDomain.QEMU), count);
    }

    public void setVcpus(DomainObject dom, int count) throws VirtException {
        dom.lock().lock();
        try {
            RunningDomain rd = control.active(dom, ErrorDomain.QEMU);
            DomainDef.Vcpus vcpus = rd.live().vcpus();
            int max = vcpus.max();
            if (count > max) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                        "requested vcpus is greater than max allowable vcpus for the live domain: " + count + " > "
                                + max);
            }
            List<DomainDef.VcpuSlot> before = VcpuHotplug.slots(vcpus);
            VcpuHotplug plug = new VcpuHotplug(DomainControl.monitor(rd), rd.deletions, before);
            boolean reached = false;
            try {
                plug.reach(count);
                reached = true;
            } finally {
                if (plug.changed()) {
                    rd.live(rd.live().withVcpus(vcpus.withSlots(plug.enabled(), plug.result())));
                    dom.setActive(rd.id(), rd.live());
                    lifecycle.writeStatus(rd);
                    followGroups(rd, before, plug.result(), reached);
                }
            }
        } finally {
            dom.lock().unlock();
        }
    }

    /**
     * The per-thread cgroups follow the vCPUs that came and went; after a failed change the
     * hotplug's error is the one reported, a cgroup error only logged.
     */
    private static void followGroups(RunningDomain rd, List<DomainDef.VcpuSlot> before,
            List<DomainDef.VcpuSlot> after, boolean report) throws VirtException {
        Set<Integer> plugged = new TreeSet<>();
        Set<Integer> unplugged = new TreeSet<>();
        for (int i = 0; i < after.size(); i++) {
            boolean was = before.get(i).enabled();
            boolean is = after.get(i).enabled();
            if (is && !was) {
                plugged.add(i);
            } else if (was && !is) {
                unplugged.add(i);
            }
        }
        try {
            ThreadGroups.vcpusChanged(rd, plugged, unplugged);
        } catch (VirtException e) {
            if (report) {
                throw e;
            }
            org.slf4j.LoggerFactory.getLogger(DomainResources.class).warn("vCPU cgroups of '{}': {}",
                    rd.domain().name(), e.getMessage());
        }
    }
}
