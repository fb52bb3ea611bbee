package org.virtd.qemu.host;

import java.util.Locale;

/** The host architecture in libvirt's spelling (x86_64, aarch64, ...), from the JVM's os.arch. */
public final class HostArch {
    private HostArch() {
    }

    public static String name() {
        String a = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        return switch (a) {
            case "amd64", "x86_64" -> "x86_64";
            case "x86", "i386", "i686" -> "i686";
            case "aarch64", "arm64" -> "aarch64";
            case "ppc64le" -> "ppc64le";
            case "s390x" -> "s390x";
            default -> a;
        };
    }
}
