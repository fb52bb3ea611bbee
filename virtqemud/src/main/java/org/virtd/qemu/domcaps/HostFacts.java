package org.virtd.qemu.domcaps;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the host adds to an emulator's abilities: PCI passthrough through VFIO (the VFIO device
 * and populated IOMMU groups), the swtpm emulator for TPM emulation, and the firmware descriptor
 * directories.
 */
record HostFacts(boolean vfio, boolean swtpm, List<Path> firmwareDirs) {

    static HostFacts detect() {
        return new HostFacts(Files.exists(Path.of("/dev/vfio/vfio")) && nonEmpty(Path.of("/sys/kernel/iommu_groups")),
                onPath("swtpm") && onPath("swtpm_setup") && onPath("swtpm_ioctl"), Firmware.SYSTEM_DIRS);
    }

    private static boolean nonEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        for (String d : (path == null ? "/usr/bin:/usr/sbin:/bin:/sbin" : path + ":/usr/sbin:/sbin").split(File.pathSeparator)) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
