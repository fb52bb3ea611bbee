package org.virtd.qemu.process;

import java.nio.file.Path;
import java.util.UUID;

import org.virtd.qemu.process.QemuLaunchSpec.Accel;
import org.virtd.qemu.process.QemuLaunchSpec.Bus;
import org.virtd.qemu.process.QemuLaunchSpec.Cpu;
import org.virtd.qemu.process.QemuLaunchSpec.Disk;
import org.virtd.qemu.process.QemuLaunchSpec.Nic;
import org.virtd.qemu.process.QemuLaunchSpec.Serial;
import org.virtd.qemu.process.QemuLaunchSpec.Display;
import org.virtd.qemu.qmp.JsonObject;

/** Test fixture format: a launch spec written as JSON (src/test/resources/cmdline/NAME.spec). */
final class LaunchSpecJson {

    private LaunchSpecJson() {
    }

    static QemuLaunchSpec read(JsonObject o) {
        var b = QemuLaunchSpec.builder(o.string("name").orElseThrow(), UUID.fromString(o.string("uuid").orElseThrow()))
                .memoryKiB(o.number("memoryKiB", 131072))
                .vcpus((int) o.number("vcpus", 1), (int) o.number("maxVcpus", o.number("vcpus", 1)))
                .machine(o.string("machine", "pc"))
                .accel(Accel.valueOf(o.string("accel", "TCG")))
                .acpi(o.bool("acpi", true))
                .clockOffset(o.string("clockOffset", "utc"))
                .kernel(path(o, "kernel"), path(o, "initrd"), o.string("append", null))
                .balloon(o.bool("balloon", true))
                .panicIsa(o.bool("panicIsa", false))
                .video(o.string("video", null))
                .monitorSocket(path(o, "monitorSocket"));
        if (o.has("cpu")) {
            b.cpu(new Cpu(o.object("cpu").string("mode", "custom"), o.object("cpu").string("model", null)));
        }
        for (JsonObject d : o.array("disks").objects()) {
            b.disk(new Disk(path(d, "source"), d.string("format", null), d.string("target", null),
                    Bus.valueOf(d.string("bus", "VIRTIO")), d.bool("cdrom", false), d.bool("readOnly", false),
                    (int) d.number("bootIndex", 0)));
        }
        for (JsonObject n : o.array("nics").objects()) {
            b.nic(new Nic(n.string("mac", null), n.string("model", null), (int) n.number("bootIndex", 0)));
        }
        for (JsonObject s : o.array("serials").objects()) {
            b.serial(new Serial((int) s.number("port", 0), path(s, "logFile"), s.bool("logAppend", false)));
        }
        b.videoVramKiB((int) o.number("videoVramKiB", 0));
        if (o.has("vnc")) {
            b.display(new Display("vnc", o.object("vnc").string("listen", "127.0.0.1"),
                    (int) o.object("vnc").number("port", 5900)));
        }
        if (o.has("spice")) {
            b.display(new Display("spice", o.object("spice").string("listen", "127.0.0.1"),
                    (int) o.object("spice").number("port", 5900)));
        }
        return b.build();
    }

    private static Path path(JsonObject o, String key) {
        return o.string(key).map(Path::of).orElse(null);
    }
}
