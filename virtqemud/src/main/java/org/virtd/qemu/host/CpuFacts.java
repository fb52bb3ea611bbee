package org.virtd.qemu.host;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The host CPU vendor as capabilities name it (Intel, AMD, ...), from /proc/cpuinfo. */
final class CpuFacts {
    private CpuFacts() {
    }

    static String vendor() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("vendor_id")) {
                    String v = line.substring(line.indexOf(':') + 1).trim();
                    return switch (v) {
                        case "GenuineIntel" -> "Intel";
                        case "AuthenticAMD" -> "AMD";
                        case "HygonGenuine" -> "Hygon";
                        default -> v;
                    };
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
