package org.virtd.core.activation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The libc binding passes plain arrays: C strings and struct flock laid out by hand. */
class PosixTest {
    @TempDir
    Path dir;

    @Test
    void cStringsEndInNul() {
        assertArrayEquals(new byte[] {'/', 'r', 'u', 'n', 0}, Posix.cString("/run"));
        assertArrayEquals(new byte[] {0}, Posix.cString(""));
    }

    @Test
    void aWriteLockIsStructFlockOn64BitLinux() {
        ByteBuffer b = ByteBuffer.wrap(Posix.writeLock(5, 7)).order(ByteOrder.nativeOrder());
        assertEquals(32, b.capacity());
        assertEquals(1, b.getShort(0), "l_type F_WRLCK");
        assertEquals(0, b.getShort(2), "l_whence SEEK_SET");
        assertEquals(5, b.getLong(8), "l_start");
        assertEquals(7, b.getLong(16), "l_len");
    }

    @Test
    void opensLocksAndWritesAFileThroughLibc() throws Exception {
        Path pid = dir.resolve("x.pid");
        int fd = Posix.openForWrite(pid.toString(), 0644);
        try {
            assertTrue(Posix.tryWriteLock(fd, 0, 0), "a fresh file can be locked");
            Posix.replaceContent(fd, "1234\n");
        } finally {
            Posix.close(fd);
        }
        assertEquals("1234\n", Files.readString(pid));
    }
}
