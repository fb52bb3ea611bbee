package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Anchor;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.LabQemuConf;
import org.virtd.it.harness.VirtqemudProcess;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;
import static org.virtd.it.qemu.lifecycle.Guests.state;

/**
 * The tiny guest's state to disk and back (issue 13): {@code virsh save} then {@code restore},
 * {@code managedsave} then {@code start}, each resuming the same guest (a file it wrote to its
 * tmpfs before is still there, no new boot), a restored guest that outlives a daemon restart, a
 * memory-only dump that is an ELF core with notes, images crossing between virtqemud and the
 * real libvirtd 9.0 both ways, and qemu.conf's compressed formats for save images and dumps.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SaveRestoreTest {
    private static final String NAME = "keep";
    private static final String MARK = "STATE-KEPT-$((6*7))";
    private static final String MARK_OUT = "STATE-KEPT-42";
    private static final byte[] MAGIC = "LibvirtQemudSave".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    static Path prefix;
    static VirtqemudProcess daemon;
    static String uri;

    @BeforeAll
    static void start() throws Exception {
        TinyGuest guest = TinyGuest.get();
        daemon = VirtqemudProcess.start(prefix, "-v"); // -v: the qemu.conf reload is logged at info level
        uri = daemon.uri();
        ok(uri, "define", guest.xmlFile(NAME, prefix).toString());
        ok(uri, "start", NAME);
        TinyGuest.awaitBoots(prefix, NAME, 1, Duration.ofSeconds(60));
        assertTrue(console(uri, "echo " + MARK + " > /tmp/mark; cat /tmp/mark", MARK_OUT).contains("seen True"));
    }

    @AfterAll
    static void stop() {
        Guests.cleanUp(prefix, daemon);
    }

    @Test
    @Order(1)
    void saveThenRestoreResumesTheSameGuest() throws Exception {
        Path image = prefix.resolve("keep.save");
        ok(uri, "save", NAME, image.toString());
        assertEquals("shut off (saved)", state(uri, NAME));
        assertTrue(Guests.qemusUnder(prefix).isEmpty(), "QEMU gone after the save");
        assertCompleteImage(image);
        ok(uri, "restore", image.toString());
        assertEquals("running (restored)", state(uri, NAME));
        assertStateKept(uri);
    }

    @Test
    @Order(2)
    void managedSaveThenStartResumes() throws Exception {
        ok(uri, "managedsave", NAME);
        assertEquals("shut off (saved)", state(uri, NAME));
        Path image = prefix.resolve("var/lib/libvirt/qemu/save/" + NAME + ".save");
        assertCompleteImage(image);
        assertTrue(ok(uri, "dominfo", NAME).out().matches("(?s).*Managed save:\\s+yes.*"));
        assertTrue(ok(uri, "list", "--all", "--managed-save").out().matches("(?s).*" + NAME + "\\s+saved.*"));
        Cli.Result undefine = Cli.virsh(uri, "undefine", NAME);
        assertTrue(undefine.exit() != 0 && undefine.err().contains("managed save image exists"), undefine.all());
        ok(uri, "start", NAME);
        assertEquals("running (restored)", state(uri, NAME));
        assertFalse(Files.exists(image), "the managed image is consumed by the start");
        assertTrue(ok(uri, "dominfo", NAME).out().matches("(?s).*Managed save:\\s+no.*"));
        assertStateKept(uri);
    }

    @Test
    @Order(3)
    void restoredGuestSurvivesDaemonRestart() throws Exception {
        daemon.restart();
        TinyGuest.await(() -> Guests.stateIs(uri, NAME, "running (restored)"), Duration.ofSeconds(20),
                "the restored guest is not running (restored) after the restart");
        assertStateKept(uri);
    }

    @Test
    @Order(4)
    void memoryOnlyDumpIsAnElfCoreWithNotes() throws Exception {
        Path core = prefix.resolve("keep.core");
        ok(uri, "dump", NAME, core.toString(), "--memory-only");
        assertEquals("running (unpaused)", state(uri, NAME));
        assertElfCoreWithNote(core);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(core)));
    }

    @Test
    @Order(5)
    void imagesCrossBetweenVirtqemudAndLibvirtd() throws Exception {
        Path ours = prefix.resolve("ours.save");
        Path theirs = prefix.resolve("theirs.save");
        ok(uri, "save", NAME, ours.toString());
        try (Anchor anchor = Anchor.start(prefix.resolve("anchor"))) {
            ok(anchor.uri(), "restore", ours.toString());
            assertEquals("running (restored)", state(anchor.uri(), NAME));
            assertStateKept(anchor.uri());
            ok(anchor.uri(), "save", NAME, theirs.toString());
            assertEquals("", ok(anchor.uri(), "list", "--all", "--name").out().trim(),
                    "the transient domain went with the save");
        }
        assertCompleteImage(theirs);
        ok(uri, "restore", theirs.toString());
        assertEquals("running (restored)", state(uri, NAME));
        assertStateKept(uri);
        ok(uri, "destroy", NAME);
    }

    @Test
    @Order(6)
    void qemuConfCompressesImagesAndFullDumps() throws Exception {
        LabQemuConf.write(prefix, "save_image_format = \"gzip\"\ndump_image_format = \"xz\"\n");
        Runtime.getRuntime().exec(new String[] {"kill", "-HUP", Long.toString(daemon.pid())}).waitFor();
        TinyGuest.await(() -> daemon.log().contains("driver: qemu.conf reread"), Duration.ofSeconds(10),
                "SIGHUP did not reread qemu.conf");
        ok(uri, "start", NAME);
        TinyGuest.awaitBoots(prefix, NAME, 1, Duration.ofSeconds(60));
        assertTrue(console(uri, "echo " + MARK + " > /tmp/mark; cat /tmp/mark", MARK_OUT).contains("seen True"));
        Path dump = prefix.resolve("keep.xz");
        ok(uri, "dump", NAME, dump.toString());
        byte[] xz = Arrays.copyOf(Files.readAllBytes(dump), 6);
        assertArrayEquals(new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0}, xz, "an xz stream");
        Path image = prefix.resolve("keep.gz.save");
        ok(uri, "save", NAME, image.toString());
        assertCompleteImage(image);
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(image), 0, 92).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1, header.getInt(28), "gzip in the header");
        int dataLen = header.getInt(20);
        byte[] stream = Arrays.copyOfRange(Files.readAllBytes(image), 92 + dataLen, 92 + dataLen + 2);
        assertArrayEquals(new byte[] {0x1f, (byte) 0x8b}, stream, "a gzip stream after the header");
        ok(uri, "restore", image.toString());
        assertEquals("running (restored)", state(uri, NAME));
        assertStateKept(uri);
        ok(uri, "destroy", NAME);
    }

    /** The guest still has the file written before the save, and did not boot again. */
    private static void assertStateKept(String on) throws Exception {
        String r = console(on, "cat /tmp/mark", MARK_OUT);
        assertTrue(r.contains("seen True"), r);
        assertEquals(0, TinyGuest.boots(prefix, NAME), "no new boot after the restore");
    }

    private static String console(String on, String command, String expect) throws Exception {
        return Guests.console(on, NAME, prefix, command, expect);
    }

    private static void assertCompleteImage(Path image) throws IOException {
        byte[] head = new byte[MAGIC.length];
        try (var in = Files.newInputStream(image)) {
            assertEquals(MAGIC.length, in.read(head));
        }
        assertEquals(new String(MAGIC, StandardCharsets.US_ASCII), new String(head, StandardCharsets.US_ASCII));
    }

    /** ELF64 little-endian, type ET_CORE, and a PT_NOTE among its program headers. */
    private static void assertElfCoreWithNote(Path core) throws IOException {
        try (FileChannel ch = FileChannel.open(core)) {
            ByteBuffer h = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(h, 0);
            assertEquals(0x7f, h.get(0) & 0xff);
            assertEquals("ELF", new String(new byte[] {h.get(1), h.get(2), h.get(3)}, StandardCharsets.US_ASCII));
            assertEquals(2, h.get(4), "ELFCLASS64");
            assertEquals(4, h.getShort(16), "ET_CORE");
            long phoff = h.getLong(32);
            int phentsize = h.getShort(54) & 0xffff;
            int phnum = h.getShort(56) & 0xffff;
            assertTrue(phnum > 0, "program headers");
            boolean note = false;
            for (int i = 0; i < phnum; i++) {
                ByteBuffer ph = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
                ch.read(ph, phoff + (long) i * phentsize);
                note |= ph.getInt(0) == 4;
            }
            assertTrue(note, "a PT_NOTE program header");
        }
    }
}
