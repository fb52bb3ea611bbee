package org.virtd.qemu.lifecycle;

import org.virtd.qemu.config.ImageFormat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The shell pipelines a migration stream goes through ({@link StreamPipe} runs them beside
 * QEMU, whose seccomp sandbox forbids it to spawn them itself): writing the stream after what is
 * already in a file (compressed if asked), or reading it back from an offset. The file itself is
 * created by the driver, so its mode and the error for a bad path are the driver's.
 */
final class StreamCommand {

    private StreamCommand() {
    }

    /** Appends QEMU's outgoing stream to {@code file} through {@code format}'s compressor. */
    static String appendTo(Path file, ImageFormat format) {
        List<String> compress = compressCommand(format);
        String sink = "cat >> " + quote(file.toString());
        return compress.isEmpty() ? sink : join(compress) + " >> " + quote(file.toString());
    }

    /** Feeds {@code file} from byte {@code offset} on, decompressed by {@code format}'s program. */
    static String readFrom(Path file, long offset, ImageFormat format) {
        String source = "tail -c +" + (offset + 1) + " " + quote(file.toString());
        List<String> decompress = decompressCommand(format);
        return decompress.isEmpty() ? source : source + " | " + join(decompress);
    }

    /** libvirt's compressor filter: {@code PROGRAM -c}, xz at level 3; none for raw. */
    static List<String> compressCommand(ImageFormat format) {
        if (format.program() == null) {
            return List.of();
        }
        List<String> cmd = new ArrayList<>(List.of(format.program(), "-c"));
        if (format == ImageFormat.XZ) {
            cmd.add("-3");
        }
        return cmd;
    }

    /** {@code PROGRAM -dc}, lzop told to ignore warnings; none for raw. */
    static List<String> decompressCommand(ImageFormat format) {
        if (format.program() == null) {
            return List.of();
        }
        List<String> cmd = new ArrayList<>(List.of(format.program(), "-dc"));
        if (format == ImageFormat.LZOP) {
            cmd.add("--ignore-warn");
        }
        return cmd;
    }

    private static String join(List<String> words) {
        return words.stream().map(StreamCommand::quote).collect(Collectors.joining(" "));
    }

    /** Single-quoted for sh: an embedded quote closes, escapes and reopens. */
    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
