package org.virtd.core.driver;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CONNECT_GET_HOSTNAME: the host's name as libvirt's virGetHostname returns it (the kernel's
 * node name, fully qualified when the resolver knows a canonical name with a dot).
 */
public final class HostName {
    private HostName() {
    }

    public static String get() {
        String node = node();
        if (node.contains(".")) {
            return node;
        }
        try {
            String canonical = InetAddress.getByName(node).getCanonicalHostName();
            if (canonical.contains(".") && !canonical.matches("[0-9.]+") && !canonical.startsWith("localhost")) {
                return canonical;
            }
        } catch (IOException | SecurityException e) {
            return node;
        }
        return node;
    }

    /** The kernel's node name alone, without asking the resolver. */
    public static String node() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
