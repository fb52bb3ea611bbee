package org.virtd.qemu.saveimage;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the migration stream after the header is stored, numbered as libvirt's header field
 * (qemu.conf's save_image_format/dump_image_format name them): raw, or through the external
 * program of the same name.
 */
public enum SaveImageFormat {
    RAW, GZIP, BZIP2, XZ, LZOP, ZSTD;

    /** The header number. */
    public int number() {
        return ordinal();
    }

    /** The format of a header number, or null for one this version does not know. */
    public static SaveImageFormat ofNumber(int n) {
        SaveImageFormat[] all = values();
        return n >= 0 && n < all.length ? all[n] : null;
    }

    /** The format of a qemu.conf name ({@code raw}, {@code gzip}, ...), or null. */
    public static SaveImageFormat ofName(String name) {
        for (SaveImageFormat f : values()) {
            if (f.confName().equals(name)) {
                return f;
            }
        }
        return null;
    }

    public String confName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The compressing command (stdin to stdout), or an empty list for raw. */
    public List<String> compressCommand() {
        if (this == RAW) {
            return List.of();
        }
        List<String> cmd = new ArrayList<>(List.of(confName(), "-c"));
        if (this == XZ) {
            cmd.add("-3");
        }
        return cmd;
    }

    /** The decompressing command (stdin to stdout), or an empty list for raw. */
    public List<String> decompressCommand() {
        if (this == RAW) {
            return List.of();
        }
        List<String> cmd = new ArrayList<>(List.of(confName(), "-dc"));
        if (this == LZOP) {
            cmd.add("--ignore-warn");
        }
        return cmd;
    }
}
