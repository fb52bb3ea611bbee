package org.virtd.qemu.snapshot;

import java.util.List;

/**
 * The VIR_DOMAIN_SNAPSHOT_LIST_* flags: within a group the bits are OR-ed, groups are AND-ed,
 * an empty group matches everything; TOPOLOGICAL only orders. Every snapshot here has metadata.
 */
public final class SnapshotFilter {
    public static final int ROOTS = 1;
    public static final int DESCENDANTS = 1;
    public static final int METADATA = 2;
    public static final int LEAVES = 4;
    public static final int NO_LEAVES = 8;
    public static final int NO_METADATA = 16;
    public static final int INACTIVE = 32;
    public static final int ACTIVE = 64;
    public static final int DISK_ONLY = 128;
    public static final int INTERNAL = 256;
    public static final int EXTERNAL = 512;
    public static final int TOPOLOGICAL = 1024;
    public static final int ALL = 2047;

    private SnapshotFilter() {
    }

    /** The snapshots of {@code candidates} the flags keep. */
    public static List<SnapshotDef> apply(SnapshotTree tree, List<SnapshotDef> candidates, int flags) {
        return candidates.stream().filter(d -> matches(tree, d, flags)).toList();
    }

    static boolean matches(SnapshotTree tree, SnapshotDef d, int flags) {
        boolean leaf = tree.isLeaf(d.name());
        int kind = d.isInactive() ? INACTIVE : d.isDiskOnly() ? DISK_ONLY : ACTIVE;
        return group(flags, LEAVES | NO_LEAVES, leaf ? LEAVES : NO_LEAVES)
                && group(flags, METADATA | NO_METADATA, METADATA)
                && group(flags, INACTIVE | ACTIVE | DISK_ONLY, kind)
                && group(flags, INTERNAL | EXTERNAL, d.isExternal() ? EXTERNAL : INTERNAL);
    }

    private static boolean group(int flags, int mask, int actual) {
        int wanted = flags & mask;
        return wanted == 0 || (wanted & actual) != 0;
    }
}
