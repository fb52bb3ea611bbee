package org.virtd.conf.domain;

import java.util.Locale;
import java.util.random.RandomGenerator;

/** MAC addresses as libvirt prints them (lower-case, two digits per byte) and generates them. */
final class MacAddresses {

    private MacAddresses() {
    }

    static String canonical(String mac) {
        String[] parts = mac.split(":");
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (sb.length() > 0) {
                sb.append(':');
            }
            sb.append(String.format("%02x", Integer.parseInt(p, 16)));
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** A random address after {@code prefix}, three canonical bytes such as QEMU's {@code 52:54:00}. */
    static String generate(String prefix, RandomGenerator random) {
        return prefix + String.format(":%02x:%02x:%02x", random.nextInt(256), random.nextInt(256),
                random.nextInt(256));
    }
}
