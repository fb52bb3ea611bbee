package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.Devices.DiskDef;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The numbers a running guest's disk sources carry in the live XML ({@code <source index=>}),
 * as libvirt gives them when it names the block nodes at start: counted from 1 from the last
 * disk with a source back to the first, each source ending its chain ({@code <backingStore/>}).
 * An image with a backing file would take numbers of its own for each layer; rather than print
 * wrong ones, no disk is numbered then.
 */
final class SourceIndexes {
    private static final int QCOW2_MAGIC = 0x514649fb;

    private SourceIndexes() {
    }

    static Devices assign(Devices d) {
        List<DiskDef> disks = new ArrayList<>(d.disks());
        for (DiskDef k : disks) {
            if (k.source() != null && !endsChain(k)) {
                return d;
            }
        }
        int next = 1;
        for (int i = disks.size() - 1; i >= 0; i--) {
            DiskDef k = disks.get(i);
            if (k.source() != null) {
                disks.set(i, k.withSourceIndex(next++));
            }
        }
        return d.withDisks(disks);
    }

    /** True when the image has no backing file: raw, or qcow2 without a backing file name. */
    static boolean endsChain(DiskDef k) {
        if (!"qcow2".equals(k.driverType())) {
            return true;
        }
        try (InputStream in = Files.newInputStream(Path.of(k.source()))) {
            byte[] header = in.readNBytes(16);
            ByteBuffer b = ByteBuffer.wrap(header);
            return header.length == 16 && b.getInt(0) == QCOW2_MAGIC && b.getLong(8) == 0;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
