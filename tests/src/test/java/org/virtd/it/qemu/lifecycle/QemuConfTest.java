package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.LabQemuConf;
import org.virtd.it.harness.VirtqemudProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * qemu.conf as an admin edits it: a bad value stops virtqemud at start-up naming the file, line
 * and key; {@code vnc_listen} decides where a real guest's VNC server listens, and a SIGHUP makes
 * a new value apply to the next start; keys virtqemud does not act on are named in a warning.
 */
class QemuConfTest {
    private static final String NAME = "qconf";

    @TempDir
    Path prefix;
    VirtqemudProcess daemon;

    @AfterEach
    void stop() {
        Guests.cleanUp(prefix, daemon);
    }

    private Path writeConf(String text) throws Exception {
        Path conf = prefix.resolve("etc/libvirt/qemu.conf");
        Files.createDirectories(conf.getParent());
        // the lab configuration first: these tests are about the keys after it, not confinement
        Files.writeString(conf, text.startsWith("#") ? text : LabQemuConf.TEXT + text);
        return conf;
    }

    @Test
    void aBadValueStopsStartUpNamingFileLineAndKey() throws Exception {
        Path conf = writeConf("# edited by hand\nuser = \"root\"\nvnc_listen = 1\n");
        ProcessBuilder pb = new ProcessBuilder(VirtqemudProcess.launcher("virtqemud").toString())
                .redirectErrorStream(true).redirectOutput(prefix.resolve("out.txt").toFile());
        pb.environment().put("VIRTD_PREFIX", prefix.toString());
        pb.environment().remove("NOTIFY_SOCKET");
        Process p = pb.start();
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "virtqemud kept running with a bad qemu.conf");
        } finally {
            p.destroyForcibly();
        }
        String out = Files.readString(prefix.resolve("out.txt"));
        assertNotEquals(0, p.exitValue(), out);
        assertTrue(out.contains(conf + ":3: expected a string for 'vnc_listen' parameter"), out);
    }

    @Test
    void vncListenDecidesWhereQemuListensAndAReloadAppliesToTheNextStart() throws Exception {
        Path conf = writeConf("vnc_listen = \"0.0.0.0\"\nvnc_tls = 1\n");
        daemon = VirtqemudProcess.start(prefix, "-v"); // -v: the reload is logged at info level
        String uri = daemon.uri();
        Path xml = prefix.resolve(NAME + ".xml");
        Files.writeString(xml, TinyGuest.get().xml(NAME, prefix).replace("</devices>",
                "  <graphics type='vnc' autoport='yes'/>\n  </devices>"));
        ok(uri, "define", xml.toString());
        ok(uri, "start", NAME);
        int port = vncPort(ok(uri, "dumpxml", NAME).out(), "0.0.0.0");
        assertTrue(listening("00000000", port), "QEMU does not listen on 0.0.0.0:" + port);
        assertTrue(daemon.log().contains("'vnc_tls' is not implemented by virtqemud and is ignored"), daemon.log());

        Files.writeString(conf, LabQemuConf.TEXT + "vnc_listen = \"127.0.0.1\"\n");
        Runtime.getRuntime().exec(new String[] {"kill", "-HUP", Long.toString(daemon.pid())}).waitFor();
        TinyGuest.await(() -> daemon.log().contains("driver: qemu.conf reread"), java.time.Duration.ofSeconds(10),
                "SIGHUP did not reread qemu.conf");
        assertEquals("0.0.0.0", listenOf(ok(uri, "dumpxml", NAME).out()), "a running guest keeps its address");
        ok(uri, "destroy", NAME);
        ok(uri, "start", NAME);
        port = vncPort(ok(uri, "dumpxml", NAME).out(), "127.0.0.1");
        assertTrue(listening("0100007F", port), "QEMU does not listen on 127.0.0.1:" + port);
        ok(uri, "destroy", NAME);
        ok(uri, "undefine", NAME);
    }

    /**
     * vnc_auto_unix_socket: a VNC display with no address of its own listens on a socket in the
     * guest's directory, as libvirtd's does; the live XML and domdisplay name it.
     */
    @Test
    void vncAutoUnixSocketPutsTheDisplayOnASocketInTheGuestsDirectory() throws Exception {
        writeConf("vnc_auto_unix_socket = 1\n");
        daemon = VirtqemudProcess.start(prefix);
        String uri = daemon.uri();
        Path xml = prefix.resolve(NAME + ".xml");
        Files.writeString(xml, TinyGuest.get().xml(NAME, prefix).replace("</devices>",
                "  <graphics type='vnc' autoport='yes'/>\n  </devices>"));
        ok(uri, "define", xml.toString());
        ok(uri, "start", NAME);
        String live = ok(uri, "dumpxml", NAME).out();
        Matcher m = Pattern.compile("<graphics type='vnc' socket='([^']+/domain-\\d+-" + NAME + "/vnc\\.sock)'>")
                .matcher(live);
        assertTrue(m.find(), live);
        Path socket = Path.of(m.group(1));
        assertTrue(live.contains("<listen type='socket' socket='" + socket + "'/>"), live);
        assertEquals("vnc+unix://" + socket, ok(uri, "domdisplay", NAME).out().strip());
        try (java.nio.channels.SocketChannel vnc = java.nio.channels.SocketChannel.open(
                java.net.UnixDomainSocketAddress.of(socket))) {
            java.nio.ByteBuffer hello = java.nio.ByteBuffer.allocate(12);
            while (hello.hasRemaining() && vnc.read(hello) >= 0) {
                // RFB's version banner comes first
            }
            assertEquals("RFB 003.008\n", new String(hello.array(), java.nio.charset.StandardCharsets.US_ASCII));
        }
        assertTrue(ok(uri, "dumpxml", "--inactive", NAME).out().contains("<graphics type='vnc' port='-1' autoport='yes'>"),
                "the definition keeps its address display");
        ok(uri, "destroy", NAME);
        ok(uri, "undefine", NAME);
    }

    private static String listenOf(String liveXml) {
        Matcher m = Pattern.compile("<graphics type='vnc' port='\\d+' autoport='yes' listen='([^']+)'>").matcher(liveXml);
        assertTrue(m.find(), liveXml);
        return m.group(1);
    }

    private static int vncPort(String liveXml, String address) {
        assertEquals(address, listenOf(liveXml));
        assertTrue(liveXml.contains("<listen type='address' address='" + address + "'/>"), liveXml);
        Matcher m = Pattern.compile("<graphics type='vnc' port='(\\d+)'").matcher(liveXml);
        assertTrue(m.find(), liveXml);
        return Integer.parseInt(m.group(1));
    }

    /** Whether /proc/net/tcp has a listening socket on {@code hexAddress}:{@code port}. */
    private static boolean listening(String hexAddress, int port) throws Exception {
        String local = hexAddress + ":" + String.format("%04X", port);
        List<String> lines = Files.readAllLines(Path.of("/proc/net/tcp"));
        return lines.stream().map(String::trim).anyMatch(l -> l.split("\\s+")[1].equals(local)
                && l.split("\\s+")[3].equals("0A"));
    }
}
