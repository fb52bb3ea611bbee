package org.virtd.qemu.cgroup;

/**
 * One device rule in the v1 {@code devices.allow} form: {@code TYPE MAJOR:MINOR ACCESS}, type
 * {@code a}, {@code b} or {@code c}, a number or {@code *} (-1 here) for any, access letters of
 * {@code rwm}. The v2 path stores the same rules in its BPF map.
 */
public record DeviceRule(char type, long major, long minor, String access) {
    public static final long ANY = -1;

    /** Parses {@code "c 136:* rw"}. */
    public static DeviceRule parse(String text) {
        String[] f = text.strip().split("\\s+");
        String[] mm = f.length == 3 ? f[1].split(":") : new String[0];
        if (mm.length != 2 || f[0].length() != 1 || "abc".indexOf(f[0].charAt(0)) < 0
                || !f[2].matches("[rwm]+")) {
            throw new IllegalArgumentException("not a device rule: " + text);
        }
        return new DeviceRule(f[0].charAt(0), number(mm[0]), number(mm[1]), f[2]);
    }

    private static long number(String s) {
        return "*".equals(s) ? ANY : Long.parseLong(s);
    }

    @Override
    public String toString() {
        return type + " " + (major == ANY ? "*" : Long.toString(major)) + ":"
                + (minor == ANY ? "*" : Long.toString(minor)) + " " + access;
    }
}
