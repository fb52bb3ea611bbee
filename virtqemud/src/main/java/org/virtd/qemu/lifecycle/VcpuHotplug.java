package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.DomainDef.VcpuSlot;
import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Plugs or unplugs vCPUs of a running guest one at a time, as qemuDomainSetVcpusLive does: new
 * ones take the lowest free hot-pluggable slots ({@code device_add} of the CPU type and
 * socket/core/thread ids {@code query-hotpluggable-cpus} lists, id {@code vcpuN}); removal starts
 * from the highest plugged one ({@code device_del}) and waits a bounded time for QEMU to report
 * it gone. vCPUs started on the command line (libvirt: not hot-pluggable) are never unplugged.
 */
final class VcpuHotplug {

    /** How long libvirt waits for QEMU to report a device gone. */
    static final long UNPLUG_WAIT_MS = 5000;

    private final QmpClient monitor;
    private final DeviceDeletions deletions;
    private final List<VcpuSlot> slots;
    private boolean changed;

    VcpuHotplug(QmpClient monitor, DeviceDeletions deletions, List<VcpuSlot> slots) {
        this.monitor = monitor;
        this.deletions = deletions;
        this.slots = new ArrayList<>(slots);
    }

    /**
     * The per-vCPU states of a guest: those its definition lists, or the start's: the first
     * {@code current} plugged on the command line, in order, the rest free and hot-pluggable.
     */
    static List<VcpuSlot> slots(DomainDef.Vcpus vcpus) {
        if (vcpus.slots().size() == vcpus.max()) {
            return vcpus.slots();
        }
        List<VcpuSlot> out = new ArrayList<>();
        for (int i = 0; i < vcpus.max(); i++) {
            boolean on = i < vcpus.effectiveCurrent();
            out.add(new VcpuSlot(i, on, !on, on ? i + 1 : 0));
        }
        return out;
    }

    boolean changed() {
        return changed;
    }

    List<VcpuSlot> result() {
        return List.copyOf(slots);
    }

    int enabled() {
        return (int) slots.stream().filter(VcpuSlot::enabled).count();
    }

    /** Plugs or unplugs until {@code count} vCPUs are enabled; refuses when the slots can't get there. */
    void reach(int count) throws VirtException {
        int now = enabled();
        List<Integer> chosen = new ArrayList<>();
        if (count > now) {
            for (VcpuSlot s : slots) {
                if (chosen.size() < count - now && !s.enabled() && s.hotpluggable()) {
                    chosen.add(s.id());
                }
            }
        } else {
            for (int i = slots.size() - 1; i >= 0; i--) {
                VcpuSlot s = slots.get(i);
                if (chosen.size() < now - count && s.enabled() && s.hotpluggable()) {
                    chosen.add(s.id());
                }
            }
        }
        if (chosen.size() != Math.abs(count - now)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "failed to find appropriate hotpluggable vcpus to reach the desired target vcpu count");
        }
        for (int id : chosen) {
            if (count > now) {
                plug(id);
            } else {
                unplug(id);
            }
        }
    }

    private void plug(int id) throws VirtException {
        JsonObject cpu = hotpluggable().get(id);
        JsonObject args = JsonObject.of("driver", cpu.string("type", "qemu64-x86_64-cpu"), "id", "vcpu" + id);
        for (var e : cpu.object("props").members().entrySet()) {
            if (!e.getKey().equals("node-id")) {
                args = args.with(e.getKey(), e.getValue());
            }
        }
        monitor.execute("device_add", args);
        int order = slots.stream().mapToInt(VcpuSlot::order).max().orElse(0) + 1;
        set(new VcpuSlot(id, true, true, order));
    }

    /**
     * Asks QEMU to remove vCPU {@code id} and waits for its DEVICE_DELETED, as libvirt does: the
     * guest must eject it, and a QEMU that reports only the vCPU's children gone (7.2 does) leaves
     * the vCPU counted, with libvirt's timeout error.
     */
    private void unplug(int id) throws VirtException {
        String alias = "vcpu" + id;
        var deleted = deletions.expect(alias);
        try {
            monitor.execute("device_del", JsonObject.of("id", alias));
        } catch (VirtException | RuntimeException e) {
            deletions.cancel(alias, deleted);
            throw e;
        }
        if (!deletions.await(alias, deleted, java.time.Duration.ofMillis(UNPLUG_WAIT_MS))) {
            throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.QEMU,
                    "vcpu unplug request timed out. Unplug result must be manually inspected in the domain");
        }
        set(new VcpuSlot(id, false, true, 0));
    }

    private void set(VcpuSlot slot) {
        slots.set(slot.id(), slot);
        changed = true;
    }

    /** QEMU's CPU slots in vCPU id order (socket, core, thread). */
    private List<JsonObject> hotpluggable() throws VirtException {
        JsonArray all;
        try {
            all = (JsonArray) monitor.execute("query-hotpluggable-cpus", null);
        } catch (VirtException e) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "cpu hotplug is not supported by this QEMU: " + e.getMessage());
        }
        return all.objects().stream().sorted(Comparator.comparingLong(VcpuHotplug::slotOrder)).toList();
    }

    private static long slotOrder(JsonObject c) {
        JsonObject p = c.object("props");
        return p.number("socket-id", 0) * 1_000_000 + p.number("core-id", 0) * 1000 + p.number("thread-id", 0);
    }
}
