package org.virtd.qemu.caps;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the version from {@code qemu-system-* -version} output ("QEMU emulator version 7.2.22
 * (Debian …)") as libvirt's hypervisor version number: major × 1,000,000 + minor × 1,000 + micro
 * (7.2.22 → 7002022), the value {@code virConnectGetVersion} returns.
 */
public final class QemuVersion {
    private static final Pattern VERSION = Pattern.compile("QEMU emulator version (\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    private QemuVersion() {
    }

    /** The version number, or -1 when the text is not QEMU's version banner. */
    public static long parse(String versionOutput) {
        Matcher m = VERSION.matcher(versionOutput);
        if (!m.find()) {
            return -1;
        }
        long micro = m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        return Long.parseLong(m.group(1)) * 1_000_000L + Long.parseLong(m.group(2)) * 1_000L + micro;
    }
}
