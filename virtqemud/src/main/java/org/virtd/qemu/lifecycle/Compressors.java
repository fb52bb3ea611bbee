package org.virtd.qemu.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.qemu.config.ImageFormat;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The compressor qemu.conf names for save images and dumps, checked as libvirt 9.0 does when a
 * save or dump starts: its save formats end at lzop (a zstd setting is refused as invalid), the
 * program must be on PATH; a dump falls back to raw with a warning where a save fails.
 */
final class Compressors {
    private static final Logger LOG = LoggerFactory.getLogger(Compressors.class);

    private Compressors() {
    }

    static ImageFormat forSave(ImageFormat configured) throws VirtException {
        ImageFormat f = configured == null ? ImageFormat.RAW : configured;
        if (f == ImageFormat.ZSTD) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                    "Invalid save image format specified in configuration file");
        }
        if (f.program() != null && !onPath(f.program())) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                    "Compression program for save image format in configuration file isn't available");
        }
        return f;
    }

    static ImageFormat forDump(ImageFormat configured) {
        ImageFormat f = configured == null ? ImageFormat.RAW : configured;
        if (f == ImageFormat.ZSTD || (f.program() != null && !onPath(f.program()))) {
            LOG.warn("Compression program for dump image format in configuration file isn't available, using raw");
            return ImageFormat.RAW;
        }
        return f;
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
