package org.virtd.qemu.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.virtd.core.driver.AtomicFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The next domain id kept in {@code <run>/qemu/next-id} so ids keep increasing across daemon
 * restarts within one host boot (libvirt itself only continues above the re-attached ids,
 * qemu-driver.md §7; the run dir is tmpfs, so a reboot starts again at 1). Written atomically.
 */
public final class IdFile {
    private static final Logger LOG = LoggerFactory.getLogger(IdFile.class);

    private final Path file;

    public IdFile(Path file) {
        this.file = file;
    }

    /** The recorded next id, or 1 when there is none (or it is unreadable). */
    public int read() {
        try {
            int v = Integer.parseInt(Files.readString(file).strip());
            return Math.max(v, 1);
        } catch (IOException | NumberFormatException e) {
            return 1;
        }
    }

    /** Records that ids below {@code next} are taken; failures are logged, not fatal. */
    public synchronized void record(int next) {
        if (read() >= next) {
            return;
        }
        try {
            AtomicFile.write(file, next + "\n", null);
        } catch (IOException e) {
            LOG.warn("cannot record the next domain id in {}: {}", file, e.getMessage());
        }
    }
}
