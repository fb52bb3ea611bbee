package org.virtd.qemu.lifecycle;

import org.virtd.core.domain.DomainDef;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.qemu.qmp.QmpException;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.List;

/**
 * Memory and vCPU changes (virDomainSetMemoryFlags, virDomainSetVcpusFlags; qemu-driver.md §5):
 * live through the balloon ({@code balloon}) and vCPU hotplug ({@code device_add}/{@code
 * device_del} with the properties {@code query-hotpluggable-cpus} lists), config by rewriting the
 * persistent definition. Flag rules and errors as libvirt's.
 */
public final class DomainResources {
    public static final int AFFECT_LIVE = 1;
    public static final int AFFECT_CONFIG = 2;
    public static final int MEM_MAXIMUM = 4;
    public static final int VCPU_MAXIMUM = 4;
    public static final int VCPU_GUEST = 8;
    public static final int VCPU_HOTPLUGGABLE = 16;

    private final DomainLifecycle lifecycle;
    private final DomainControl control;

    public DomainResources(DomainLifecycle lifecycle, DomainControl control) {
        this.lifecycle = lifecycle;
        this.control = control;
    }

    public void setMemory(DomainObject dom, long kib, int flags) throws VirtException {
        checkFlags(flags, AFFECT_LIVE | AFFECT_CONFIG | MEM_MAXIMUM, "qemuDomainSetMemoryFlags");
        dom.lock().lock();
        try {
            boolean live = affectsLive(dom, flags);
            boolean config = affectsConfig(dom, flags);
            boolean maximum = (flags & MEM_MAXIMUM) != 0;
            if (live && maximum) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "cannot resize the maximum memory on an active domain");
            }
            RunningDomain rd = live ? control.active(dom, ErrorDomain.QEMU) : null;
            if (rd != null && kib > rd.live().memoryKiB() || config && !maximum && kib > dom.def().memoryKiB()) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                        "cannot set memory higher than max memory");
            }
            if (rd != null) {
                var balloon = rd.live().devices() != null ? rd.live().devices().memballoon() : null;
                if (balloon == null || "none".equals(balloon.model())) {
                    throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                            "Unable to change memory of active domain without the balloon device and guest OS "
                                    + "balloon driver");
                }
                DomainControl.monitor(rd).execute("balloon", JsonObject.of("value", kib * 1024));
                rd.live(rd.live().withMemory(rd.live().memoryKiB(), kib));
                dom.setActive(rd.id(), rd.live());
                lifecycle.writeStatus(rd);
            }
            if (config) {
                DomainDef d = dom.def();
                DomainDef next = maximum ? d.withMemory(kib, Math.min(current(d), kib)) : d.withMemory(d.memoryKiB(), kib);
                saveConfig(dom, next);
            }
        } finally {
            dom.lock().unlock();
        }
    }

    public void setVcpus(DomainObject dom, int count, int flags) throws VirtException {
        checkFlags(flags, AFFECT_LIVE | AFFECT_CONFIG | VCPU_MAXIMUM | VCPU_GUEST | VCPU_HOTPLUGGABLE,
                "qemuDomainSetVcpusFlags");
        if ((flags & VCPU_GUEST) != 0) {
            throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                    "QEMU guest agent is not configured");
        }
        if (count < 1) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "requested vcpus must be at least 1");
        }
        dom.lock().lock();
        try {
            boolean live = affectsLive(dom, flags);
            boolean config = affectsConfig(dom, flags);
            boolean maximum = (flags & VCPU_MAXIMUM) != 0;
            if (live && maximum) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                        "cannot change maximum vCPU count of a live domain");
            }
            if (live) {
                RunningDomain rd = control.active(dom, ErrorDomain.QEMU);
                int max = rd.live().vcpus().max();
                if (count > max) {
                    throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                            "requested vcpus is greater than max allowable vcpus for the live domain: " + count
                                    + " > " + max);
                }
                hotplug(rd, count);
                rd.live(rd.live().withVcpus(new DomainDef.Vcpus(max, count == max ? 0 : count,
                        rd.live().vcpus().placement())));
                dom.setActive(rd.id(), rd.live());
                lifecycle.writeStatus(rd);
            }
            if (config) {
                DomainDef d = dom.def();
                DomainDef.Vcpus v = d.vcpus();
                DomainDef.Vcpus next = maximum
                        ? new DomainDef.Vcpus(count, Math.min(v.effectiveCurrent(), count) == count ? 0
                                : Math.min(v.effectiveCurrent(), count), v.placement())
                        : checkedCurrent(v, count);
                saveConfig(dom, d.withVcpus(next));
            }
        } finally {
            dom.lock().unlock();
        }
    }

    private static DomainDef.Vcpus checkedCurrent(DomainDef.Vcpus v, int count) throws VirtException {
        if (count > v.max()) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "requested vcpus is greater than max allowable vcpus for the persistent domain: " + count
                            + " > " + v.max());
        }
        return new DomainDef.Vcpus(v.max(), count == v.max() ? 0 : count, v.placement());
    }

    /** Adds or removes vCPUs until {@code count} are present, by the list QEMU gives. */
    private static void hotplug(RunningDomain rd, int count) throws VirtException {
        QmpClient monitor = DomainControl.monitor(rd);
        JsonArray slots;
        try {
            slots = (JsonArray) monitor.execute("query-hotpluggable-cpus", null);
        } catch (QmpException e) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "cpu hotplug is not supported by this QEMU: " + e.description());
        }
        List<JsonObject> cpus = slots.objects().stream()
                .sorted(java.util.Comparator.comparingLong(c -> c.object("props").number("socket-id", 0) * 1_000_000
                        + c.object("props").number("core-id", 0) * 1000 + c.object("props").number("thread-id", 0)))
                .toList();
        int present = (int) cpus.stream().filter(c -> c.has("qom-path")).count();
        for (int i = 0; i < cpus.size() && present < count; i++) {
            JsonObject c = cpus.get(i);
            if (!c.has("qom-path")) {
                JsonObject args = JsonObject.of("driver", c.string("type", "qemu64-x86_64-cpu"), "id", "vcpu" + i);
                for (var e : c.object("props").members().entrySet()) {
                    args = args.with(e.getKey(), e.getValue());
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

    private static void run(QmpClient monitor, String command, JsonObject args) throws VirtException {
        try {
            monitor.execute(command, args);
        } catch (QmpException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "unable to execute QEMU command '" + command + "': " + e.description());
        }
    }

    private void saveConfig(DomainObject dom, DomainDef next) throws VirtException {
        if (!dom.isPersistent()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                    "cannot change persistent config of a transient domain");
        }
        lifecycle.registry().store().save(next);
        dom.setDef(next);
    }

    private static long current(DomainDef d) {
        return d.currentMemoryKiB() == 0 ? d.memoryKiB() : d.currentMemoryKiB();
    }

    private static boolean affectsLive(DomainObject dom, int flags) {
        return (flags & AFFECT_LIVE) != 0 || ((flags & (AFFECT_LIVE | AFFECT_CONFIG)) == 0 && dom.isActive());
    }

    private static boolean affectsConfig(DomainObject dom, int flags) {
        return (flags & AFFECT_CONFIG) != 0 || ((flags & (AFFECT_LIVE | AFFECT_CONFIG)) == 0 && !dom.isActive());
    }

    private static void checkFlags(int flags, int known, String function) throws VirtException {
        if ((flags & ~known) != 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    String.format("unsupported flags (0x%x) in function %s", flags & ~known, function));
        }
    }
}
