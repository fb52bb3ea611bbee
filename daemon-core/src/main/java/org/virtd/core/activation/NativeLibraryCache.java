package org.virtd.core.activation;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * JNA unpacks its native dispatch library from its jar into a temporary file on every start,
 * which a socket-activated daemon pays for before its first reply. When the launcher names a
 * private cache directory ({@code -Dvirtd.native.cache}, beside the class-data archive, owned by
 * the daemon's user), the library is unpacked there once per JNA jar and JNA loads it from there.
 * Anything unexpected just leaves JNA to do as it always does.
 */
final class NativeLibraryCache {
    private static final String RESOURCE = "/com/sun/jna/linux-x86-64/libjnidispatch.so";

    private NativeLibraryCache() {
    }

    static void useCachedJnaDispatch() {
        String cache = System.getProperty("virtd.native.cache");
        String arch = System.getProperty("os.arch");
        if (cache == null || System.getProperty("jna.boot.library.path") != null
                || !("amd64".equals(arch) || "x86_64".equals(arch))) {
            return;
        }
        try {
            URL url = NativeLibraryCache.class.getResource(RESOURCE);
            if (url == null || !"jar".equals(url.getProtocol())) {
                return;
            }
            Path jar = Path.of(new URL(url.getPath().substring(0, url.getPath().indexOf("!/"))).toURI());
            String key = Integer.toHexString((jar + ":" + Files.size(jar) + ":" + Files.getLastModifiedTime(jar))
                    .hashCode());
            Path dir = Path.of(cache, "jna-" + key);
            Path lib = dir.resolve("libjnidispatch.so");
            if (!Files.isRegularFile(lib)) {
                Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, ".jnidispatch", ".tmp");
                try (InputStream in = url.openStream()) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, lib, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            System.setProperty("jna.boot.library.path", dir.toString());
        } catch (IOException | URISyntaxException | RuntimeException e) {
            // fall back to JNA's own unpacking
        }
    }
}
