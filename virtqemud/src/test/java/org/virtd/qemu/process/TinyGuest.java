package org.virtd.qemu.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Locates (and builds once, time-bound) the tiny test guest of shared/guest: kernel and initrd in
 * {@code $VIRTD_GUEST_DIR} (default /tmp/virtd-guest), built with shared/guest/build-guest.sh
 * found above the working directory or at {@code $VIRTD_GUEST_BUILDER}. Missing pieces skip the
 * test, or fail it when CI=true.
 */
final class TinyGuest {
    final Path dir;

    private TinyGuest(Path dir) {
        this.dir = dir;
    }

    Path kernel() {
        return dir.resolve("vmlinuz");
    }

    Path initrd() {
        return dir.resolve("initrd.img");
    }

    static void require(boolean ok, String what) {
        if (!ok) {
            assertFalse("true".equals(System.getenv("CI")), "CI=true needs " + what);
            assumeTrue(false, what + " not available");
        }
    }

    static TinyGuest get() throws Exception {
        Path dir = Path.of(System.getenv().getOrDefault("VIRTD_GUEST_DIR", "/tmp/virtd-guest"));
        if (!Files.exists(dir.resolve("vmlinuz")) || !Files.exists(dir.resolve("initrd.img"))) {
            Path builder = builder();
            require(builder != null, "shared/guest/build-guest.sh");
            Files.createDirectories(dir);
            Process p = new ProcessBuilder(builder.toString(), dir.toString()).inheritIO().start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("guest build took more than 300 s");
            }
            require(p.exitValue() == 0 && Files.exists(dir.resolve("vmlinuz")), "a built test guest");
        }
        return new TinyGuest(dir);
    }

    private static Path builder() {
        String env = System.getenv("VIRTD_GUEST_BUILDER");
        if (env != null) {
            return Path.of(env);
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path candidate = d.resolve("shared/guest/build-guest.sh");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
