package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.qemu.qmp.QmpException;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.Comparator;
import java.util.List;

/**
 * The live half of setmem and setvcpus (qemu-driver.md §5): the balloon target through QMP
 * {@code balloon}, vCPUs through {@code device_add}/{@code device_del} with the properties
 * {@code query-hotpluggable-cpus} lists. Flags and limits are checked by the caller (the
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

    public void setVcpus(DomainObject dom, int count) throws VirtException {
        dom.lock().lock();
        try {
            RunningDomain rd = control.active(dom, ErrorDomain.QEMU);
            int max = rd.live().vcpus().max();
            if (count > max) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                        "requested vcpus is greater than max allowable vcpus for the live domain: " + count + " > "
                                + max);
            }
            hotplug(rd, count);
            rd.live(rd.live().withVcpus(new DomainDef.Vcpus(max, count == max ? 0 : count,
                    rd.live().vcpus().placement())));
            dom.setActive(rd.id(), rd.live());
            lifecycle.writeStatus(rd);
        } finally {
            dom.lock().unlock();
        }
    }

    /** Adds or removes vCPUs until {@code count} are present, in QEMU's slot order. */
    private static void hotplug(RunningDomain rd, int count) throws VirtException {
        QmpClient monitor = DomainControl.monitor(rd);
        JsonArray slots;
        try {
            slots = (JsonArray) monitor.execute("query-hotpluggable-cpus", null);
        } catch (QmpException e) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "cpu hotplug is not supported by this QEMU: " + e.description());
        }
        List<JsonObject> cpus = slots.objects().stream().sorted(Comparator.comparingLong(DomainResources::slotOrder))
                .toList();
        int present = (int) cpus.stream().filter(c -> c.has("qom-path")).count();
        for (int i = 0; i < cpus.size() && present < count; i++) {
            JsonObject c = cpus.get(i);
            if (!c.has("qom-path")) {
                JsonObject args = JsonObject.of("driver", c.string("type", "qemu64-x86_64-cpu"), "id", "vcpu" + i);
                for (var e : c.object("props").members().entrySet()) {
                    if (!e.getKey().equals("node-id")) {
                        args = args.with(e.getKey(), e.getValue());
                    }
                }
                run(monitor, "device_add", args);
                present++;
            }
        }
        for (int i = cpus.size() - 1; i >= 0 && present > count; i--) {
            if (cpus.get(i).has("qom-path")) {
                run(monitor, "device_del", JsonObject.of("id", "vcpu" + i));
                present--;
            }
        }
    }

    private static long slotOrder(JsonObject c) {
        JsonObject p = c.object("props");
        return p.number("socket-id", 0) * 1_000_000 + p.number("core-id", 0) * 1000 + p.number("thread-id", 0);
    }

    private static void run(QmpClient monitor, String command, JsonObject args) throws VirtException {
        try {
            monitor.execute(command, args);
        } catch (QmpException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "unable to execute QEMU command '" + command + "': " + e.description());
        }
    }
}
