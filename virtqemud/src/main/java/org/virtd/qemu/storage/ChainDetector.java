package org.virtd.qemu.storage;

import org.virtd.conf.domain.BackingChain;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.error.ErrnoText;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows a disk image's backing files as libvirt does at start: a relative name is taken from
 * the directory of the image that names it (QEMU resolves it so too), a format the image does
 * not record is probed, and a file that cannot be opened stops the start with libvirt's storage
 * errors, naming the user QEMU runs as.
 */
public final class ChainDetector {
    // a chain this long is a loop, not a real chain
    private static final int MAX_DEPTH = 200;

    private ChainDetector() {
    }

    /** Refuses a top image that cannot be read, as libvirt's first look at it does. */
    public static void checkTop(Path image) throws VirtException {
        try {
            if (!Files.isDirectory(image)) {
                Files.newByteChannel(image).close();
            }
        } catch (IOException e) {
            throw storageError("Cannot access storage file '" + image + "'", e);
        }
    }

    /**
     * The layers below {@code image} of format {@code format}, top first, each of type file and
     * unnumbered; empty when the image has no backing file (and always for formats without one).
     */
    public static List<BackingChain.Layer> below(Path image, String format) throws VirtException {
        List<BackingChain.Layer> out = new ArrayList<>();
        Path current = image;
        String currentFormat = format;
        while (!"raw".equals(currentFormat) && currentFormat != null) {
            ImageHeader h;
            try {
                h = ImageHeader.read(current);
            } catch (IOException e) {
                throw storageError("Cannot access storage file '" + current + "'", e);
            }
            if (h.backingName() == null || !"qcow2".equals(h.format())) {
                break;
            }
            Path next = resolve(current, h.backingName());
            ImageHeader below;
            try {
                below = ImageHeader.read(next);
            } catch (IOException e) {
                throw storageError("Cannot access backing file '" + next + "' of storage file '" + current + "'", e);
            }
            String nextFormat = h.backingFormat() != null ? h.backingFormat() : below.format();
            out.add(new BackingChain.Layer("file", nextFormat, next.toString(), 0));
            if (out.size() > MAX_DEPTH) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.STORAGE,
                        "backing store for " + image + " is self-referential or too deep");
            }
            current = next;
            currentFormat = nextFormat;
        }
        return out;
    }

    /** Where QEMU looks for backing file {@code name} of {@code image}. */
    static Path resolve(Path image, String name) {
        Path p = Path.of(name);
        if (p.isAbsolute()) {
            return p;
        }
        Path dir = image.getParent();
        return dir == null ? p : dir.resolve(p);
    }

    private static VirtException storageError(String what, IOException e) {
        return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STORAGE,
                what + " (as uid:" + id("uid") + ", gid:" + id("gid") + "): " + ErrnoText.of(e));
    }

    private static long id(String which) {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:" + which)).longValue();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
