package org.virtd.qemu.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainLogTest {
    @TempDir
    Path dir;

    @Test
    void headerThenNotesAppendedWithMode0600() throws Exception {
        DomainLog log = new DomainLog(dir.resolve("qemu/t1.log"));
        log.starting("virtd-java, qemu version: 7.2.22", Map.of("LC_ALL", "C"),
                List.of("/usr/bin/qemu-system-x86_64", "-name", "guest=t1,debug-threads=on", "-S", "-append", "console=ttyS0 quiet"));
        long mark = log.size();
        log.note("shutting down, reason=destroyed");
        String text = Files.readString(log.file());
        assertTrue(text.matches("(?s)\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000: starting up virtd-java.*"), text);
        assertTrue(text.contains("LC_ALL=C \\\n/usr/bin/qemu-system-x86_64 \\\n-name guest=t1,debug-threads=on \\\n-S \\\n"
                + "-append 'console=ttyS0 quiet'\n"), text);
        assertTrue(log.since(mark, 100).endsWith(": shutting down, reason=destroyed"), log.since(mark, 100));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log.file())));
    }

    @Test
    void shellQuoting() {
        assertEquals("plain/path-1.2,x=y", DomainLog.shellQuote("plain/path-1.2,x=y"));
        assertEquals("'it'\\''s'", DomainLog.shellQuote("it's"));
        assertEquals("'{\"a\":1}'", DomainLog.shellQuote("{\"a\":1}"));
    }
}
