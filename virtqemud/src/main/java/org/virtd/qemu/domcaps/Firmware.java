package org.virtd.qemu.domcaps;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.virtd.qemu.firmware.FirmwareDescriptor;

/**
 * What domain capabilities say about the firmware the descriptors offer for an arch and
 * machine: the executable, whether it speaks UEFI, whether it is a secure (SMM) build.
 */
record Firmware(String executable, boolean uefi, boolean secure) {
    static final List<Path> SYSTEM_DIRS = FirmwareDescriptor.SYSTEM_DIRS;

    static List<Firmware> matching(List<Path> dirs, String arch, String machine) {
        List<Firmware> out = new ArrayList<>();
        for (FirmwareDescriptor d : FirmwareDescriptor.load(dirs)) {
            if (d.targets(arch, machine)) {
                out.add(new Firmware(d.executable(), d.interfaces().contains("uefi"),
                        d.has("secure-boot") && d.has("requires-smm")));
            }
        }
        return out;
    }
}
