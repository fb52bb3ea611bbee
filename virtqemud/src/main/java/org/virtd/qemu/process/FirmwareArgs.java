package org.virtd.qemu.process;

import java.util.ArrayList;
import java.util.List;

import org.virtd.qemu.process.QemuLaunchSpec.Firmware;
import org.virtd.qemu.qmp.JsonObject;

/**
 * The command line pieces of UEFI in flash, as libvirt 9.0 writes them: a file and a raw
 * blockdev node per flash (pflash0 the read-only code, pflash1 the variable store) before
 * {@code -machine}, the machine's {@code pflash0=}/{@code pflash1=} and {@code smm=on}
 * properties, and the secure flag of the flash devices after {@code -cpu}.
 */
final class FirmwareArgs {

    private FirmwareArgs() {
    }

    static List<String> blockdevs(Firmware fw) {
        List<String> a = new ArrayList<>();
        if (fw == null) {
            return a;
        }
        flash(a, 0, fw.code().toString(), true);
        if (fw.vars() != null) {
            flash(a, 1, fw.vars().toString(), false);
        }
        return a;
    }

    private static void flash(List<String> a, int unit, String file, boolean readOnly) {
        String node = "libvirt-pflash" + unit;
        a.add("-blockdev");
        a.add(JsonObject.of("driver", "file", "filename", file, "node-name", node + "-storage",
                "auto-read-only", true, "discard", "unmap").toJson());
        a.add("-blockdev");
        a.add(JsonObject.of("node-name", node + "-format", "read-only", readOnly, "driver", "raw",
                "file", node + "-storage").toJson());
    }

    static String smm(Firmware fw) {
        return fw != null && fw.smm() ? ",smm=on" : "";
    }

    static String machineProps(Firmware fw) {
        if (fw == null) {
            return "";
        }
        return ",pflash0=libvirt-pflash0-format" + (fw.vars() != null ? ",pflash1=libvirt-pflash1-format" : "");
    }

    static List<String> globals(Firmware fw) {
        return fw != null && fw.secure() ? List.of("-global", "driver=cfi.pflash01,property=secure,value=on")
                : List.of();
    }
}
