package org.virtd.qemu.process;

import com.sun.jna.Library;
import com.sun.jna.Native;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * Host-CPU affinity of a QEMU thread ({@code sched_getaffinity}/{@code sched_setaffinity}), the
 * mechanism of live vCPU and emulator pinning here (libvirt without cgroups does the same), and
 * the thread ids of a process.
 */
public final class ThreadAffinity {
    /** Bytes of the kernel mask we pass: room for 8192 CPUs. */
    private static final int MASK_BYTES = 1024;

    interface LibC extends Library {
        LibC INSTANCE = Native.load("libc.so.6", LibC.class);

        int sched_getaffinity(int pid, long size, byte[] mask);

        int sched_setaffinity(int pid, long size, byte[] mask);
    }

    private ThreadAffinity() {
    }

    /** The CPUs thread {@code tid} may run on. */
    public static BitSet get(long tid) throws IOException {
        byte[] mask = new byte[MASK_BYTES];
        if (LibC.INSTANCE.sched_getaffinity((int) tid, mask.length, mask) < 0) {
            throw new IOException("cannot get CPU affinity of thread " + tid + ": errno " + Native.getLastError());
        }
        return BitSet.valueOf(mask);
    }

    public static void set(long tid, BitSet cpus) throws IOException {
        byte[] mask = new byte[MASK_BYTES];
        byte[] bits = cpus.toByteArray();
        System.arraycopy(bits, 0, mask, 0, Math.min(bits.length, mask.length));
        if (LibC.INSTANCE.sched_setaffinity((int) tid, mask.length, mask) < 0) {
            throw new IOException("cannot set CPU affinity of process " + tid + ": errno " + Native.getLastError());
        }
    }

    /** The thread ids of process {@code pid} (empty when it is gone). */
    public static List<Long> threads(long pid) {
        List<Long> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("/proc/" + pid + "/task"))) {
            s.forEach(p -> out.add(Long.parseLong(p.getFileName().toString())));
        } catch (IOException | NumberFormatException e) {
            return List.of();
        }
        return out;
    }
}
