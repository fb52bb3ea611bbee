package org.virtd.vbox.manage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A file's modification time and size: VirtualBox rewrites a machine's settings file when its
 * settings or state change and {@code VirtualBox.xml} when machines are (un)registered, so an
 * unchanged stamp lets the driver trust what it read before without launching VBoxManage.
 */
public record FileStamp(long modifiedNanos, long size) {

    /** The stamp of {@code file}, null when there is no such file or it cannot be read. */
    public static FileStamp of(Path file) {
        if (file == null) {
            return null;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(a.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS), a.size());
        } catch (IOException | UnsupportedOperationException e) {
            return null;
        }
    }

    public static FileStamp of(String file) {
        return file == null || file.isEmpty() ? null : of(Path.of(file));
    }

    /**
     * VirtualBox's global settings file as VBoxSVC finds it: {@code $VBOX_USER_HOME/VirtualBox.xml},
     * else {@code ~/.VirtualBox} when that exists, else {@code ~/.config/VirtualBox}; null without a home.
     */
    public static Path globalSettings(String vboxUserHome, String home) {
        if (vboxUserHome != null && !vboxUserHome.isEmpty()) {
            return Path.of(vboxUserHome, "VirtualBox.xml");
        }
        if (home == null || home.isEmpty()) {
            return null;
        }
        Path legacy = Path.of(home, ".VirtualBox");
        return Files.isDirectory(legacy) ? legacy.resolve("VirtualBox.xml")
                : Path.of(home, ".config", "VirtualBox", "VirtualBox.xml");
    }
}
