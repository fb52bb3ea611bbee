package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * Issue 10 on a real tiny guest with a VNC display: {@code desc --config} and {@code metadata}
 * raise METADATA_CHANGE to a python event client and land in the config file; after an autoport
 * start {@code vncdisplay} names the port QEMU really serves RFB on; {@code ttyconsole} names an
 * existing pty and devices have libvirt's aliases; {@code openGraphicsFD} gives python a socket that
 * speaks RFB; {@code screenshot} writes a PNG; send-key, inject-nmi and the migration limits
 * work on the running guest.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetadataGraphicsTest {
    private static final String NAME = "gfx";

    @TempDir
    static Path prefix;
    static VirtqemudProcess daemon;
    static Process events;
    static Path eventsOut;
    static String uri;

    @BeforeAll
    static void start() throws Exception {
        TinyGuest guest = TinyGuest.get();
        daemon = VirtqemudProcess.start(prefix);
        uri = daemon.uri();
        Path xml = prefix.resolve(NAME + ".xml");
        Files.writeString(xml, guest.xml(NAME, prefix).replace("</devices>",
                "  <graphics type='vnc' autoport='yes'/>\n  </devices>"));
        ok(uri, "define", xml.toString());
        Cli.requireTool("/usr/bin/python3");
        Path script = EventRecorder.resource("metadata_events.py", prefix);
        eventsOut = prefix.resolve("metadata-events.txt");
        events = new ProcessBuilder("/usr/bin/python3", script.toString(), uri)
                .redirectOutput(eventsOut.toFile()).redirectError(prefix.resolve("metadata-events.err").toFile())
                .start();
        TinyGuest.await(() -> eventLines().contains("ready") || !events.isAlive(), Duration.ofSeconds(20),
                "the event client did not register");
        assertTrue(events.isAlive(), "event client failed");
    }

    @AfterAll
    static void stop() {
        if (events != null) {
            events.destroyForcibly();
        }
        if (daemon != null) {
            daemon.close();
        }
        Guests.killQemusUnder(prefix);
    }

    static List<String> eventLines() {
        try {
            return Files.readAllLines(eventsOut, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    @Test
    @Order(1)
    void descConfigAndMetadataRaiseMetadataChangeAndAreStored() throws Exception {
        ok(uri, "desc", NAME, "--config", "a guest & its <desc>");
        ok(uri, "desc", NAME, "--config", "--title", "Gfx title");
        ok(uri, "metadata", NAME, "http://example.org/app/", "--key", "app", "--set", "<app><v n='1'>x</v></app>");
        TinyGuest.await(() -> eventLines().size() >= 4, Duration.ofSeconds(10), "no METADATA_CHANGE events");
        assertEquals(List.of("ready", "metadata gfx 0 None", "metadata gfx 1 None",
                "metadata gfx 2 http://example.org/app/"), eventLines());
        assertEquals("a guest & its <desc>", ok(uri, "desc", NAME, "--config").out().strip());
        assertEquals("Gfx title", ok(uri, "desc", NAME, "--title").out().strip());
        assertEquals("<app>\n  <v n=\"1\">x</v>\n</app>",
                ok(uri, "metadata", NAME, "http://example.org/app/").out().strip());
        String stored = Files.readString(prefix.resolve("etc/libvirt/qemu/" + NAME + ".xml"));
        assertTrue(stored.contains("<description>a guest &amp; its &lt;desc&gt;</description>"), stored);
        assertTrue(stored.contains("<app:app xmlns:app=\"http://example.org/app/\">"), stored);
        Cli.Result missing = Cli.virsh(uri, "metadata", NAME, "http://nothing/");
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("metadata not found: Requested metadata element is not present"),
                missing.err());
    }

    @Test
    @Order(2)
    void vncdisplayNamesThePortQemuServes() throws Exception {
        ok(uri, "start", NAME);
        String display = ok(uri, "vncdisplay", NAME).out().strip();
        Matcher m = Pattern.compile("127\\.0\\.0\\.1:(\\d+)").matcher(display);
        assertTrue(m.matches(), display);
        int port = 5900 + Integer.parseInt(m.group(1));
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            s.setSoTimeout(5000);
            InputStream in = s.getInputStream();
            assertArrayEquals("RFB ".getBytes(StandardCharsets.US_ASCII), in.readNBytes(4));
        }
        String live = ok(uri, "dumpxml", NAME).out();
        assertTrue(live.contains("<graphics type='vnc' port='" + port + "' autoport='yes' listen='127.0.0.1'>\n"
                + "      <listen type='address' address='127.0.0.1'/>"), live);
        assertEquals("vnc://127.0.0.1:" + m.group(1), ok(uri, "domdisplay", NAME).out().strip());
        assertTrue(ok(uri, "dumpxml", "--inactive", NAME).out().contains("<graphics type='vnc' port='-1' autoport='yes'>"));
    }

    @Test
    @Order(3)
    void ttyconsoleNamesTheGuestsPty() throws Exception {
        String tty = ok(uri, "ttyconsole", NAME).out().strip();
        assertTrue(tty.startsWith("/dev/pts/") && Files.exists(Path.of(tty)), tty);
        String live = ok(uri, "dumpxml", NAME).out();
        assertTrue(live.contains("<console type='pty' tty='" + tty + "'>"), live);
        for (String alias : List.of("usb", "pci.0", "serial0", "input0", "input1", "video0", "balloon0")) {
            assertTrue(live.contains("<alias name='" + alias + "'/>"), alias + " in " + live);
        }
    }

    @Test
    @Order(3)
    void openGraphicsFdHandsTheClientASocketToTheVncServer() throws Exception {
        Cli.Result r = Cli.python(String.join("\n",
                "import json, libvirt, libvirt_qemu, socket, sys",
                "d = libvirt.open(sys.argv[1]).lookupByName(sys.argv[2])",
                "s = socket.socket(fileno=d.openGraphicsFD(0, 0))",
                "s.settimeout(5)",
                "print(s.recv(4).decode())",
                "vnc = json.loads(libvirt_qemu.qemuMonitorCommand(d, '{\"execute\":\"query-vnc\"}', 0))",
                "print([c['family'] for c in vnc['return']['clients']])",
                "try:",
                "    d.openGraphicsFD(1, 0)",
                "except libvirt.libvirtError as e:",
                "    print(e.get_error_message())"), uri, NAME);
        // QEMU itself holds the client's socket (add_client), not a relay through a TCP port
        assertEquals("RFB \n['unix']\ninternal error: No graphics backend with index 1\n", r.out(), r.err());
    }

    @Test
    @Order(3)
    void openGraphicsMakesTheCallersSocketAVncClient() throws Exception {
        Cli.Result r = Cli.python(String.join("\n",
                "import libvirt, socket, sys",
                "d = libvirt.open(sys.argv[1]).lookupByName(sys.argv[2])",
                "for i in range(3):",
                "    ours, theirs = socket.socketpair()",
                "    d.openGraphics(0, theirs.fileno(), 0)",
                "    theirs.close()",
                "    ours.settimeout(5)",
                "    print(ours.recv(12).decode().strip())",
                "    ours.close()",
                "a, b = socket.socketpair()",
                "try:",
                "    d.openGraphics(2, b.fileno(), 0)",
                "except libvirt.libvirtError as e:",
                "    print(e.get_error_message())",
                "print(d.info()[0])"), uri, NAME);
        // the call carries the descriptor (CALL_WITH_FDS); calls before and after it still work
        assertEquals("RFB 003.008\nRFB 003.008\nRFB 003.008\ninternal error: No graphics backend with index 2\n1\n",
                r.out(), r.err());
    }

    @Test
    @Order(4)
    void screenshotWritesAPng() throws Exception {
        TinyGuest.awaitBoots(prefix, NAME, 1, Duration.ofSeconds(30));
        Path shot = prefix.resolve("shot.png");
        Cli.Result r = ok(uri, "screenshot", NAME, shot.toString());
        assertTrue(r.out().contains("with type of image/png"), r.out());
        byte[] png = Files.readAllBytes(shot);
        assertTrue(png.length > 100, "screenshot too small: " + png.length);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));
        Cli.Result noScreen = Cli.virsh(uri, "screenshot", NAME, "--screen", "1", prefix.resolve("s1").toString());
        assertTrue(noScreen.err().contains("no such screen ID"), noScreen.err());
    }

    @Test
    @Order(5)
    void keysNmiAndMigrationLimitsOnTheRunningGuest() throws Exception {
        ok(uri, "send-key", NAME, "KEY_A");
        ok(uri, "send-key", NAME, "--codeset", "usb", "--holdtime", "20", "4");
        ok(uri, "inject-nmi", NAME);
        ok(uri, "migrate-setspeed", NAME, "100");
        assertEquals("100", ok(uri, "migrate-getspeed", NAME).out().strip());
        ok(uri, "migrate-setspeed", NAME, "--postcopy", "200");
        assertEquals("200", ok(uri, "migrate-getspeed", NAME, "--postcopy").out().strip());
        assertEquals("300", ok(uri, "migrate-getmaxdowntime", NAME).out().strip());
        ok(uri, "migrate-setmaxdowntime", NAME, "500");
        assertEquals("500", ok(uri, "migrate-getmaxdowntime", NAME).out().strip());
        ok(uri, "destroy", NAME);
        Cli.Result notRunning = Cli.virsh(uri, "migrate-getmaxdowntime", NAME);
        assertTrue(notRunning.err().contains("Requested operation is not valid: domain is not running"),
                notRunning.err());
        assertEquals("100", ok(uri, "migrate-getspeed", NAME).out().strip());
    }

    @Test
    @Order(6)
    void spiceAutoportShowsThePortQemuListensOn() throws Exception {
        Path xml = prefix.resolve("spice.xml");
        Files.writeString(xml, TinyGuest.get().xml("spicy", prefix).replace("</devices>",
                "  <graphics type='spice' autoport='yes'/>\n  </devices>"));
        ok(uri, "define", xml.toString());
        assertTrue(ok(uri, "dumpxml", "spicy").out().contains("<graphics type='spice' autoport='yes'>"));
        ok(uri, "start", "spicy");
        String display = ok(uri, "domdisplay", "spicy").out().strip();
        Matcher m = Pattern.compile("spice://127\\.0\\.0\\.1:(\\d+)").matcher(display);
        assertTrue(m.matches(), display);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", Integer.parseInt(m.group(1))), 5000);
        }
        assertTrue(ok(uri, "dumpxml", "spicy").out().contains("<graphics type='spice' port='" + m.group(1)
                + "' autoport='yes' listen='127.0.0.1'>"));
        ok(uri, "destroy", "spicy");
    }
}
