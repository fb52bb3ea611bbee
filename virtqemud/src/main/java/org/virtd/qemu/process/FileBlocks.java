package org.virtd.qemu.process;

import com.sun.jna.Library;
import com.sun.jna.Native;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * The 512-byte blocks a file holds on its file system ({@code st_blocks} of {@code stat(2)},
 * which the JDK does not expose): what libvirt reports as a sparse image's allocation.
 */
public final class FileBlocks {
    /** sizeof(struct stat) and the offset of st_blocks on the 64-bit Linux ABIs (x86_64, aarch64). */
    private static final int STAT_SIZE = 144;
    private static final int BLOCKS_OFFSET = 64;

    interface LibC extends Library {
        LibC INSTANCE = Native.load("libc.so.6", LibC.class);

        int stat(String path, byte[] buf);
    }

    private FileBlocks() {
    }

    /** st_blocks of {@code file}; -1 when it cannot be read (gone, or a libc without stat). */
    public static long of(Path file) {
        byte[] buf = new byte[STAT_SIZE];
        try {
            if (LibC.INSTANCE.stat(file.toString(), buf) != 0) {
                return -1;
            }
        } catch (UnsatisfiedLinkError e) {
            return -1;
        }
        return ByteBuffer.wrap(buf).order(ByteOrder.nativeOrder()).getLong(BLOCKS_OFFSET);
    }
}
