package org.virtd.qemu.domcaps;

import java.nio.file.Files;
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

    /**
     * The loaders libvirt as Debian builds it knows without descriptors (its default {@code nvram}
     * list: OVMF, secure OVMF, AAVMF, AAVMF32), those installed, for a machine no descriptor serves.
     */
    private static final List<String> BUILT_IN = List.of("/usr/share/OVMF/OVMF_CODE.fd",
            "/usr/share/OVMF/OVMF_CODE.secboot.fd", "/usr/share/AAVMF/AAVMF_CODE.fd", "/usr/share/AAVMF/AAVMF32_CODE.fd");

    static List<String> builtInLoaders() {
        return BUILT_IN.stream().filter(p -> Files.exists(Path.of(p))).toList();
    }

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
