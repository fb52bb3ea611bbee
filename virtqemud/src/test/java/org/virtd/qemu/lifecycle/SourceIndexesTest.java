package org.virtd.qemu.lifecycle;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.Devices.DiskDef;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceIndexesTest {

    private static DiskDef disk(String type, Path source, String dev) {
        return new DiskDef("file", "disk", "qemu", type, source == null ? null : source.toString(), dev, "virtio",
                false, null);
    }

    private static Path qcow2(Path dir, String name, long backingOffset) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(72);
        b.putInt(0x514649fb).putInt(3).putLong(backingOffset);
        Path p = dir.resolve(name);
        Files.write(p, b.array());
        return p;
    }

    private static Devices devices(DiskDef... disks) {
        return new Devices("/usr/bin/qemu-system-x86_64", List.of(disks), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), null, List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void lastDiskWithASourceIsOneAndEmptyDrivesAreSkipped(@TempDir Path dir) throws IOException {
        Devices d = SourceIndexes.assign(devices(disk("qcow2", qcow2(dir, "a", 0), "vda"),
                disk("raw", dir.resolve("b.img"), "vdb"), disk("raw", null, "hdc")));
        assertEquals(List.of(2, 1, 0), d.disks().stream().map(DiskDef::sourceIndex).toList());
    }

    @Test
    void aBackingFileLeavesEveryDiskUnnumbered(@TempDir Path dir) throws IOException {
        DiskDef layered = disk("qcow2", qcow2(dir, "top", 512), "vda");
        assertFalse(SourceIndexes.endsChain(layered));
        assertTrue(SourceIndexes.endsChain(disk("raw", dir.resolve("x"), "vdb")));
        Devices d = SourceIndexes.assign(devices(layered, disk("raw", dir.resolve("x"), "vdb")));
        assertEquals(List.of(0, 0), d.disks().stream().map(DiskDef::sourceIndex).toList());
    }
}
