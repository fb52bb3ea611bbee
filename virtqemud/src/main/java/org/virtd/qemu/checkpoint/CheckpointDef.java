package org.virtd.qemu.checkpoint;

import java.util.List;

/**
 * One checkpoint (libvirt's virDomainCheckpointDef): its parent, creation time, the bitmap it
 * added to each disk, and the domain as it was, kept as formatted XML at column zero (null when a
 * redefinition gave none).
 */
public record CheckpointDef(String name, String description, String parent, long creationTime, List<Disk> disks,
                            String domainXml) {

    public static final String BITMAP = "bitmap";
    public static final String NO = "no";

    /** One disk: {@code checkpoint} is bitmap or no; {@code bitmap} names the disk's bitmap. */
    public record Disk(String name, String checkpoint, String bitmap) {
        public boolean hasBitmap() {
            return BITMAP.equals(checkpoint);
        }
    }

    public CheckpointDef {
        disks = List.copyOf(disks);
    }

    public CheckpointDef withParent(String newParent) {
        return new CheckpointDef(name, description, newParent, creationTime, disks, domainXml);
    }
}
