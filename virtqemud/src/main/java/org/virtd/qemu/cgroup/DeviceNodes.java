package org.virtd.qemu.cgroup;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Device numbers of device nodes, in the {@code major:minor} form cgroup files use. */
final class DeviceNodes {
    private DeviceNodes() {
    }

    /**
     * {@code path}'s {@code major:minor}; {@code kind} 'b' insists on a block device (what blkio
     * accepts), 'c' on a character one, '?' takes either.
     */
    static String majorMinor(String path, char kind) throws VirtException {
        Path p = Path.of(path);
        try {
            Path real = p.toRealPath();
            boolean block = !Files.isRegularFile(real) && isBlock(real);
            if (kind == 'b' && !block) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.CGROUP, "Path '" + path
                        + "' must be a block device");
            }
            return numbers(real);
        } catch (IOException | UnsupportedOperationException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.CGROUP, "Couldn't stat device " + path
                    + ": No such file or directory");
        }
    }

    /** The {@code major:minor} of the device node {@code real} (a path with no links left). */
    static String numbers(Path real) throws IOException {
        long rdev = (Long) Files.getAttribute(real, "unix:rdev", LinkOption.NOFOLLOW_LINKS);
        return major(rdev) + ":" + minor(rdev);
    }

    /** Whether {@code p} is a block special file (its mode's type bits are 060000). */
    static boolean isBlock(Path p) throws IOException {
        int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return (mode & 0170000) == 0060000;
    }

    static boolean isChar(Path p) throws IOException {
        int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        return (mode & 0170000) == 0020000;
    }

    static long major(long rdev) {
        return ((rdev >>> 8) & 0xfff) | ((rdev >>> 32) & ~0xfffL);
    }

    static long minor(long rdev) {
        return (rdev & 0xff) | ((rdev >>> 12) & ~0xffL);
    }
}
