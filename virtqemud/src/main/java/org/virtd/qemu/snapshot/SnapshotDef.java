package org.virtd.qemu.snapshot;

import java.util.List;

/**
 * One snapshot's definition (libvirt's virDomainSnapshotDef): the guest state it was taken in
 * ({@code running}, {@code paused}, {@code shutoff}, {@code disk-snapshot}), its parent, where
 * memory and each disk went, and the domain as it was, kept as formatted XML (the element text
 * at column zero) so that it is printed exactly as it was recorded.
 */
public record SnapshotDef(String name, String description, String state, String parent, long creationTime,
                          String memory, String memoryFile, List<Disk> disks, String domainXml,
                          String inactiveXml, String cookieXml) {

    public static final String NO = "no";
    public static final String INTERNAL = "internal";
    public static final String EXTERNAL = "external";

    /** Where one disk's state went: {@code snapshot} is no, internal or external (then a new file). */
    public record Disk(String name, String snapshot, String sourceType, String driverType, String source) {
        public static Disk internal(String name) {
            return new Disk(name, INTERNAL, null, null, null);
        }

        public boolean external() {
            return EXTERNAL.equals(snapshot);
        }
    }

    public SnapshotDef {
        disks = List.copyOf(disks);
    }

    public SnapshotDef withParent(String newParent) {
        return new SnapshotDef(name, description, state, newParent, creationTime, memory, memoryFile, disks,
                domainXml, inactiveXml, cookieXml);
    }

    public SnapshotDef withDomains(String newDomainXml, String newInactiveXml) {
        return new SnapshotDef(name, description, state, parent, creationTime, memory, memoryFile, disks,
                newDomainXml, newInactiveXml, cookieXml);
    }

    /** Any state kept outside the domain's own images (libvirt's virDomainSnapshotIsExternal). */
    public boolean isExternal() {
        return EXTERNAL.equals(memory) || disks.stream().anyMatch(Disk::external);
    }

    /** Taken of a shut-off domain. */
    public boolean isInactive() {
        return "shutoff".equals(state);
    }

    /** Disks only, of a running domain. */
    public boolean isDiskOnly() {
        return "disk-snapshot".equals(state);
    }

    /** Taken of a running or paused domain with its memory. */
    public boolean isActive() {
        return !isInactive() && !isDiskOnly();
    }
}
