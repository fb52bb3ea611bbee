package org.virtd.qemu.host;

import org.virtd.core.driver.HostName;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The host UUID shown in capabilities: SMBIOS product uuid when the host has one, else
 * /etc/machine-id (libvirt's host_uuid_source fallbacks), else a stable name-based one.
 */
public final class HostUuid {
    private HostUuid() {
    }

    public static String read() {
        String smbios = readTrim(Path.of("/sys/class/dmi/id/product_uuid"));
        if (smbios != null && smbios.length() == 36) {
            return smbios.toLowerCase(java.util.Locale.ROOT);
        }
        String mid = readTrim(Path.of("/etc/machine-id"));
        if (mid != null && mid.matches("[0-9a-fA-F]{32}")) {
            return mid.substring(0, 8) + "-" + mid.substring(8, 12) + "-" + mid.substring(12, 16) + "-"
                    + mid.substring(16, 20) + "-" + mid.substring(20);
        }
        return UUID.nameUUIDFromBytes(HostName.get().getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    private static String readTrim(Path p) {
        try {
            return Files.readString(p).trim();
        } catch (IOException | SecurityException e) {
            return null;
        }
    }
}
