package org.virtd.qemu.stats;

import org.virtd.qemu.process.FileBlocks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The three sizes of a disk image as virDomainGetBlockInfo reports them: capacity (the guest's
 * view: the file size for raw, the header's virtual size for qcow2), allocation (bytes the host
 * file system holds) and physical (the file size).
 */
public record ImageSizes(long capacity, long allocation, long physical) {
    private static final int QCOW_MAGIC = 0x514649fb;
    private static final int QCOW_SIZE_OFFSET = 24;

    public static ImageSizes of(Path file, String format) throws IOException {
        long size = Files.size(file);
        long allocation = allocated(file, size);
        long capacity = "qcow2".equals(format) ? qcow2VirtualSize(file, size) : size;
        return new ImageSizes(capacity, allocation, size);
    }

    private static long allocated(Path file, long size) {
        long blocks = FileBlocks.of(file);
        return blocks < 0 ? size : blocks * 512;
    }

    private static long qcow2VirtualSize(Path file, long fallback) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer b = ByteBuffer.allocate(QCOW_SIZE_OFFSET + 8);
            while (b.hasRemaining() && ch.read(b) > 0) {
                // read the header
            }
            return b.getInt(0) == QCOW_MAGIC ? b.getLong(QCOW_SIZE_OFFSET) : fallback;
        }
    }
}
