package org.virtd.core.activation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * JNA and Netty unpack their native libraries from their jars into temporary files on every
 * start (the JDK's temporary-file names alone cost a {@code SecureRandom}), which a
 * socket-activated daemon pays for before its first reply. The launcher keeps a private
 * directory per java binary and jar set ({@code -Dvirtd.native.cache=DIR}); this class unpacks
 * whatever is missing there, off the start-up path, and from the next start on the launcher
 * points {@code jna.boot.library.path} and {@code java.library.path} at it so both load the
 * library in place. Anything unexpected just leaves them to unpack as they always do.
 */
public final class NativeLibraryCache {
    /** Jar resource and the file name each library is loaded by (the launcher checks these names). */
    private static final List<String[]> LIBRARIES = List.of(
            new String[] {"/com/sun/jna/linux-x86-64/libjnidispatch.so", "libjnidispatch.so"},
            new String[] {"/META-INF/native/libnetty_transport_native_epoll_x86_64.so",
                "libnetty_transport_native_epoll_x86_64.so"});

    private NativeLibraryCache() {
    }

    /** Unpacks the libraries missing from the cache directory, if the launcher named one. */
    public static void storeMissing() {
        String cache = System.getProperty("virtd.native.cache");
        String arch = System.getProperty("os.arch");
        if (cache == null || !("amd64".equals(arch) || "x86_64".equals(arch))) {
            return;
        }
        for (String[] library : LIBRARIES) {
            try {
                store(library[0], Path.of(cache, library[1]));
            } catch (IOException | RuntimeException e) {
                // the next start unpacks as usual
            }
        }
    }

    private static void store(String resource, Path lib) throws IOException {
        if (Files.isRegularFile(lib)) {
            return;
        }
        Files.createDirectories(lib.getParent());
        Path tmp = Files.createTempFile(lib.getParent(), ".native", ".tmp");
        try (InputStream in = NativeLibraryCache.class.getResourceAsStream(resource)) {
            if (in != null) {
                Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
