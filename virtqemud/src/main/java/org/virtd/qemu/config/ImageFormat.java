package org.virtd.qemu.config;

import java.util.Locale;
import java.util.Optional;

/**
 * How save images and memory dumps are written ({@code save_image_format}, {@code
 * dump_image_format}): raw, or piped through one of the compressors libvirt knows. The numbers are
 * the ones libvirt stores in a save image's header, so images stay readable by either daemon.
 */
public enum ImageFormat {
    RAW(0, null),
    GZIP(1, "gzip"),
    BZIP2(2, "bzip2"),
    XZ(3, "xz"),
    LZOP(4, "lzop"),
    ZSTD(5, "zstd");

    private final int headerCode;
    private final String program;

    ImageFormat(int headerCode, String program) {
        this.headerCode = headerCode;
        this.program = program;
    }

    /** The value of the header's {@code compressed} field. */
    public int headerCode() {
        return headerCode;
    }

    /** The compressor run as a filter ({@code PROGRAM -c} / {@code PROGRAM -dc}); null for raw. */
    public String program() {
        return program;
    }

    /** The format written {@code name} in qemu.conf, e.g. {@code "gzip"}. */
    public static Optional<ImageFormat> named(String name) {
        for (ImageFormat f : values()) {
            if (f.configName().equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public static Optional<ImageFormat> ofHeaderCode(int code) {
        for (ImageFormat f : values()) {
            if (f.headerCode == code) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
