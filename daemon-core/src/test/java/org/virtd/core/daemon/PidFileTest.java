package org.virtd.core.daemon;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PidFileTest {

    @Test
    void writesPidWithoutNewlineMode0644AndUnlinksOnClose(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("run/virtqemud.pid");
        try (PidFile pid = PidFile.acquire(path, 10917)) {
            assertEquals("10917", Files.readString(path));
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
        }
        assertFalse(Files.exists(path));
    }

    @Test
    void aLockHeldByAnotherProcessIsRefusedByName(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("virtqemud.pid");
        Process holder = new ProcessBuilder("python3", "-c",
                "import fcntl,os,sys,time\nf=os.open(sys.argv[1],os.O_WRONLY|os.O_CREAT,0o644)\n"
                        + "fcntl.lockf(f,fcntl.LOCK_EX|fcntl.LOCK_NB,1,0)\nprint('locked',flush=True)\ntime.sleep(30)",
                path.toString()).redirectErrorStream(true).start();
        try {
            // bounded: a holder that never says "locked" must not hang the test
            String said = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(holder.getInputStream().readNBytes(6));
                } catch (java.io.IOException e) {
                    return e.toString();
                }
            }).completeOnTimeout("(nothing within 20 s)", 20, TimeUnit.SECONDS).join();
            assertEquals("locked", said);
            PidFile.PidFileException e = assertThrows(PidFile.PidFileException.class, () -> PidFile.acquire(path, 1));
            assertEquals("Failed to acquire pid file '" + path + "': Resource temporarily unavailable", e.getMessage());
        } finally {
            holder.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSecondHolderInThisProcessIsRefusedAndAnUnwritableDirectoryNamed(@TempDir Path dir) throws Exception {
        Path path = dir.resolve("virtqemud.pid");
        try (PidFile first = PidFile.acquire(path, 1)) {
            PidFile.PidFileException e = assertThrows(PidFile.PidFileException.class, () -> PidFile.acquire(path, 2));
            assertEquals("Failed to acquire pid file '" + path + "': Resource temporarily unavailable", e.getMessage());
            assertEquals("1", Files.readString(path));
        }
        Path locked = Files.createDirectory(dir.resolve("ro"), PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("r-xr-xr-x")));
        if (!"root".equals(System.getProperty("user.name"))) { // root writes anywhere
            PidFile.PidFileException e = assertThrows(PidFile.PidFileException.class,
                    () -> PidFile.acquire(locked.resolve("x.pid"), 3));
            assertEquals("Failed to open pid file '" + locked.resolve("x.pid") + "': Permission denied", e.getMessage());
        }
    }
}
