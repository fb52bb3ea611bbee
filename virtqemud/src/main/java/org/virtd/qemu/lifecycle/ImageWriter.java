package org.virtd.qemu.lifecycle;

import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.qemu.saveimage.SaveImage;
import org.virtd.qemu.config.ImageFormat;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.error.ErrnoText;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;

/**
 * Writes one file from a paused guest's migration stream: a save image (header marked partial,
 * the stream, then the header marked complete) or a full core dump (the bare stream). The file
 * is created here with mode 0600; whatever fails, the partial file is removed, so nothing
 * half-written is ever left looking valid.
 */
final class ImageWriter {
    private final Path file;
    private final SaveImage image;
    private final ImageFormat format;
    private final Duration limit;

    /** A save image: {@code image} is its header and XML. */
    ImageWriter(Path file, SaveImage image, Duration limit) {
        this(file, image, image.format(), limit);
    }

    private ImageWriter(Path file, SaveImage image, ImageFormat format, Duration limit) {
        this.file = file;
        this.image = image;
        this.format = format;
        this.limit = limit;
    }

    /** A full dump: only the stream, compressed as qemu.conf's dump_image_format says. */
    static ImageWriter bareStream(Path file, ImageFormat format, Duration limit) {
        return new ImageWriter(file, null, format, limit);
    }

    void write(QmpClient monitor, long bandwidth) throws VirtException {
        SaveImage fixed = create();
        try {
            migrate(monitor, bandwidth);
            if (fixed != null) {
                try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    fixed.markComplete(ch);
                    ch.force(true);
                }
            }
        } catch (VirtException | RuntimeException e) {
            discard();
            throw e;
        } catch (IOException e) {
            discard();
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "failed to write header to domain save file '" + file + "': " + e.getMessage());
        }
    }

    private SaveImage create() throws VirtException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the create below reports what is wrong with the path
        }
        try (FileChannel ch = FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
            try {
                return image == null ? null : image.writePartial(ch);
            } catch (IOException | VirtException e) {
                discard();
                if (e instanceof VirtException v) {
                    throw v;
                }
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                        "failed to write header to domain save file '" + file + "': " + e.getMessage());
            }
        } catch (IOException e) {
            throw createError(ErrnoText.of(e));
        }
    }

    private VirtException createError(String why) {
        return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                "Failed to create file '" + file + "': " + why);
    }

    private void migrate(QmpClient monitor, long bandwidth) throws VirtException {
        long old = -1;
        try {
            JsonObject params = (JsonObject) monitor.execute("query-migrate-parameters", null);
            old = params.number("max-bandwidth", -1);
            monitor.execute("migrate-set-parameters", JsonObject.of("max-bandwidth", bandwidth));
        } catch (VirtException | ClassCastException ignored) {
            // an older QEMU: migrate at its default speed
        }
        try (StreamPipe pipe = StreamPipe.into(StreamCommand.appendTo(file, format))) {
            pipe.handTo(monitor);
            monitor.execute("migrate", JsonObject.of("uri", StreamPipe.URI));
            MigrationWait.migration(monitor, limit, "migration");
            pipe.finish(limit);
        } finally {
            if (old >= 0) {
                try {
                    monitor.execute("migrate-set-parameters", JsonObject.of("max-bandwidth", old));
                } catch (VirtException ignored) {
                    // only the speed of a later migration is affected
                }
            }
        }
    }

    private void discard() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort: the header still says partial
        }
    }
}
