package org.virtd.core.activation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The libc binding: direct-mapped natives, C strings as NUL-terminated arrays, errno kept. */
class PosixTest {
    @TempDir
    Path dir;

    @Test
    void cStringsEndInNul() {
        assertArrayEquals(new byte[] {'/', 'r', 'u', 'n', 0}, Posix.cString("/run"));
        assertArrayEquals(new byte[] {0}, Posix.cString(""));
    }

    @Test
    void callsReachLibcAndFailuresCarryTheErrnoText() throws Exception {
        assertEquals(0, Posix.groupId("root"));
        assertEquals(-1, Posix.groupId("no-such-group-here"));
        Path missing = dir.resolve("missing");
        IOException e = assertThrows(IOException.class, () -> Posix.chgrp(missing.toString(), 0));
        assertEquals("Failed to change the group of '" + missing + "' to 0: No such file or directory", e.getMessage());
        Path file = Files.createFile(dir.resolve("f"));
        Posix.chgrp(file.toString(), 0);
        assertEquals(0, Files.getAttribute(file, "unix:gid"));
    }
}
