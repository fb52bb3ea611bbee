package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.DiskIoTune;
import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A running disk's I/O limits in QEMU: {@code block_set_io_throttle} on its device and the
 * limits {@code query-block} reports, named as libvirt names them (QEMU's names differ).
 */
public final class BlockThrottle {

    /** libvirt's names → QEMU's, in {@link DiskIoTune#NAMES} order. */
    private static final List<String> QEMU = List.of("bps", "bps_rd", "bps_wr", "iops", "iops_rd", "iops_wr",
            "bps_max", "bps_rd_max", "bps_wr_max", "iops_max", "iops_rd_max", "iops_wr_max", "iops_size",
            "bps_max_length", "bps_rd_max_length", "bps_wr_max_length", "iops_max_length", "iops_rd_max_length",
            "iops_wr_max_length");

    private BlockThrottle() {
    }

    /** The QOM name QEMU knows the disk's device by: virtio devices through their backend. */
    static String qomName(DiskDef disk) {
        return "virtio".equals(disk.targetBus()) ? "/machine/peripheral/" + disk.alias() + "/virtio-backend"
                : disk.alias();
    }

    public static void set(QmpClient monitor, DiskDef disk, DiskIoTune tune) throws VirtException {
        JsonObject args = JsonObject.of("id", qomName(disk));
        for (int i = 0; i < QEMU.size(); i++) {
            long v = tune.get(DiskIoTune.NAMES.get(i));
            // QEMU refuses a burst length of 0: an unset one is left out
            if (v != 0 || !QEMU.get(i).endsWith("_length")) {
                args = args.with(QEMU.get(i), v);
            }
        }
        if (tune.groupName() != null) {
            args = args.with("group", tune.groupName());
        }
        monitor.execute("block_set_io_throttle", args);
    }

    /** The {@code <iotune>} of each disk of a guest just started (QEMU starts them unthrottled). */
    static void applyAtStart(QmpClient monitor, org.virtd.conf.domain.DomainDef live) throws VirtException {
        if (live.devices() == null) {
            return;
        }
        for (DiskDef d : live.devices().disks()) {
            if (d.iotune().hasLimits() && d.alias() != null) {
                set(monitor, d, d.iotune());
            }
        }
    }

    /** The limits QEMU applies to the disk now, with the group it put the device in (its own name if none). */
    public static DiskIoTune get(QmpClient monitor, DiskDef disk) throws VirtException {
        String qom = qomName(disk);
        JsonArray all = (JsonArray) monitor.execute("query-block", null);
        for (JsonObject b : all.objects()) {
            String qdev = b.string("qdev", "");
            if ((qdev.equals(qom) || qdev.equals(disk.alias())) && b.has("inserted")) {
                JsonObject in = b.object("inserted");
                Map<String, Long> values = new HashMap<>();
                for (int i = 0; i < QEMU.size(); i++) {
                    values.put(DiskIoTune.NAMES.get(i), in.number(QEMU.get(i), 0));
                }
                return new DiskIoTune(values, in.string("group", null));
            }
        }
        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                "cannot find throttling info for device '" + qom + "'");
    }
}
