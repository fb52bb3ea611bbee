package org.virtd.qemu.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DomainStatusFileTest {
    static final String XML = "<domain type='qemu' id='3'>\n  <name>t&amp;1</name>\n  <description>a &lt;/domstatus&gt; b"
            + "</description>\n</domain>";

    @TempDir
    Path dir;

    DomainStatus status() {
        return new DomainStatus("t1", 3, 4242, Path.of("/usr/bin/qemu-system-x86_64"),
                Path.of("/var/lib/libvirt/qemu/domain-3-t'1/monitor.sock"), "running", "booted", XML);
    }

    @Test
    void roundTripsAndKeepsDomainXmlVerbatim() throws Exception {
        DomainStatusFile files = new DomainStatusFile(dir.resolve("qemu"));
        files.write(status());
        Path f = files.pathOf("t1");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        assertEquals("4242", Files.readString(files.pidPathOf("t1")));
        assertEquals(status(), files.read(f));
        files.write(status().withState("paused", "user"));
        assertEquals("paused", files.readAll().get(0).state());
        assertEquals(List.of("t1.pid", "t1.xml"), Files.list(dir.resolve("qemu")).map(p -> p.getFileName().toString())
                .sorted().toList(), "no temp files left behind");
        files.delete("t1");
        assertFalse(Files.exists(f));
        assertEquals(List.of(), files.readAll());
    }

    @Test
    void xmlDeclarationIsDropped() throws Exception {
        DomainStatusFile files = new DomainStatusFile(dir);
        files.write(status().withDomainXml("<?xml version='1.0'?>\n" + XML));
        assertEquals(XML, files.read(files.pathOf("t1")).domainXml());
    }

    @Test
    void aBackupKeptBeforeTheDomainIsNotTakenForIt() throws Exception {
        DomainStatusFile files = new DomainStatusFile(dir);
        files.write(status(), "  <backups>\n    <domainbackup mode='push'>\n    </domainbackup>\n  </backups>\n");
        assertEquals(XML, files.read(files.pathOf("t1")).domainXml());
    }

    @Test
    void malformedFilesAreSkippedNotFatal() throws Exception {
        DomainStatusFile files = new DomainStatusFile(dir);
        files.write(status());
        Files.writeString(dir.resolve("half.xml"), "<domstatus state='running' pid='1'");
        Files.writeString(dir.resolve("other.xml"), "<network/>");
        Files.writeString(dir.resolve("nodomain.xml"), "<domstatus pid='1' id='1'><monitor path='/m'/></domstatus>");
        assertThrows(IOException.class, () -> files.read(dir.resolve("half.xml")));
        assertThrows(IOException.class, () -> files.read(dir.resolve("other.xml")));
        assertThrows(IOException.class, () -> files.read(dir.resolve("nodomain.xml")));
        List<DomainStatus> all = files.readAll();
        assertEquals(1, all.size());
        assertEquals("t1", all.get(0).name());
    }

    @Test
    void rejectsNamesThatEscapeTheDirectory() {
        assertThrows(IllegalArgumentException.class, () -> new DomainStatus("../x", 1, 1, Path.of("/q"), Path.of("/m"),
                "running", "booted", "<domain/>"));
        assertTrue(true);
    }
}
