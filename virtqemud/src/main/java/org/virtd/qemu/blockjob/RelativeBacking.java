package org.virtd.qemu.blockjob;

import org.virtd.qemu.blockjob.DiskImages.Image;
import org.virtd.qemu.storage.ImageHeader;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The backing name a commit or pull writes when asked to keep the chain relative (the RELATIVE
 * flags): the base as reached from the image that will name it, by joining the relative names
 * each image's header gives the one below it. One absolute (or unreadable) link on the way and
 * the relationship cannot be kept, which libvirt refuses.
 */
final class RelativeBacking {
    private RelativeBacking() {
    }

    /**
     * The name of {@code images[base]} relative to the directory of {@code images[first - 1]},
     * following the links from that image down; the refusal when one of them is not relative.
     */
    static String name(List<Image> images, int first, int base) throws VirtException {
        String path = "";
        for (int i = first; i <= base; i++) {
            String link = rawName(images.get(i - 1));
            if (link == null || link.startsWith("/")) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "can't keep relative backing relationship");
            }
            path = directoryPart(path) + link;
        }
        return path;
    }

    /** The backing name as written in the header of {@code overlay}; null when it has none. */
    private static String rawName(Image overlay) {
        if (!"file".equals(overlay.type()) || overlay.path() == null) {
            return null;
        }
        try {
            return ImageHeader.read(Path.of(overlay.path())).backingName();
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code path} up to and with its last slash; empty without one. */
    static String directoryPart(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }
}
