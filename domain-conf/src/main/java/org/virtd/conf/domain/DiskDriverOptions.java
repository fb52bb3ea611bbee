package org.virtd.conf.domain;

import java.util.Set;

/**
 * What a disk's {@code <driver>} says about freed blocks: {@code discard} (unmap or ignore guest
 * discard requests) and {@code detect_zeroes} (off, on, unmap); null where not given.
 */
public record DiskDriverOptions(String discard, String detectZeroes) {
    public static final DiskDriverOptions NONE = new DiskDriverOptions(null, null);
    static final Set<String> DISCARD_MODES = Set.of("unmap", "ignore");
    static final Set<String> DETECT_ZEROES_MODES = Set.of("off", "on", "unmap");
}
