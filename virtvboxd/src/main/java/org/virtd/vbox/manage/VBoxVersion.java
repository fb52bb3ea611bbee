package org.virtd.vbox.manage;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code VBoxManage --version} ({@code 7.0.18r162988}, {@code 6.1.50_Ubuntur161033}) as the
 * number libvirt reports: major·10⁶ + minor·10³ + micro (vbox-driver.md §1).
 */
public record VBoxVersion(int major, int minor, int micro) {
    private static final Pattern LEADING = Pattern.compile("^\\s*(\\d+)\\.(\\d+)\\.(\\d+)");

    /** The version in the output's first line, or null when it has none. */
    public static VBoxVersion parse(String output) {
        Matcher m = LEADING.matcher(output);
        if (!m.find()) {
            return null;
        }
        return new VBoxVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3)));
    }

    public long number() {
        return major * 1_000_000L + minor * 1_000L + micro;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + micro;
    }
}
