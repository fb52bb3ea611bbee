package org.virtd.qemu.hostnet;

import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names for taps the user did not name: vnet0, vnet1... as libvirt gives them. The number only
 * grows while the daemon runs (a freed name is not handed out again at once), names in use on
 * the host are skipped, and names of guests found running at start-up are reserved.
 */
public final class TapNames {
    public static final String PREFIX = "vnet";
    private static final Pattern GENERATED = Pattern.compile(PREFIX + "(\\d{1,9})");

    private final Predicate<String> inUse;
    private int last = -1;

    public TapNames(Predicate<String> inUse) {
        this.inUse = inUse;
    }

    public synchronized String next() {
        while (true) {
            last = last == Integer.MAX_VALUE ? 0 : last + 1;
            String name = PREFIX + last;
            if (!inUse.test(name)) {
                return name;
            }
        }
    }

    /** A running guest holds {@code name}: later names come after it. */
    public synchronized void reserve(String name) {
        Matcher m = name == null ? null : GENERATED.matcher(name);
        if (m != null && m.matches()) {
            last = Math.max(last, Integer.parseInt(m.group(1)));
        }
    }
}
