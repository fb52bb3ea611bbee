package org.virtd.core.daemon;

/**
 * The libvirt release whose behaviour the daemons reproduce, printed by {@code -V} and in the
 * log banner (daemons.md §3, §14).
 */
public final class Version {
    public static final String LIBVIRT = "9.0.0";
    public static final String PACKAGE = "virtd-java";

    private Version() {
    }
}
