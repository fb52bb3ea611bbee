package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * virDomainOpenChannel on a real tiny guest: python opens a stream to a {@code <channel type='unix'>}
 * by its virtio name; what the guest writes on its virtio-serial port arrives on the stream, and
 * the answer sent back on the stream arrives on the port (the guest holds the port open, since
 * virtio-serial drops what comes while no guest process has it open).
 */
class ChannelStreamTest {
    private static final String NAME = "chan";

    @TempDir
    static Path prefix;
    static VirtqemudProcess daemon;
    static String uri;

    @BeforeAll
    static void start() throws Exception {
        TinyGuest guest = TinyGuest.get();
        daemon = VirtqemudProcess.start(prefix);
        uri = daemon.uri();
        Path xml = prefix.resolve(NAME + ".xml");
        // the agent initrd is the one that loads virtio_console
        Files.writeString(xml, guest.xml(NAME, prefix)
                .replace(guest.dir().resolve("initrd.img").toString(), guest.agentInitrd().toString())
                .replace("</devices>",
                "  <channel type='unix'><source mode='bind' path='" + prefix.resolve("chan.sock") + "'/>"
                        + "<target type='virtio' name='org.example.unix'/></channel>\n  </devices>"));
        ok(uri, "define", xml.toString());
        ok(uri, "start", NAME);
        TinyGuest.awaitBoots(prefix, NAME, 1, Duration.ofSeconds(60));
    }

    @AfterAll
    static void stop() {
        Guests.cleanUp(prefix, daemon);
    }

    @Test
    void bytesCrossTheChannelBothWays() throws Exception {
        Cli.requireTool("/usr/bin/python3");
        Path out = prefix.resolve("channel-client.txt");
        Process client = new ProcessBuilder("/usr/bin/python3", "-c", String.join("\n",
                "import libvirt, sys",
                "c = libvirt.open(sys.argv[1])",
                "st = c.newStream(0)",
                "c.lookupByName(sys.argv[2]).openChannel('org.example.unix', st, 0)",
                "print('open', flush=True)",
                "got = b''",
                "while b'GUEST-TO-HOST' not in got:",
                "    chunk = st.recv(64)",
                "    if not chunk:",
                "        break",
                "    got += chunk",
                "print(got.decode().strip(), flush=True)",
                "st.send(b'HOST-TO-GUEST')",
                "st.finish()"), uri, NAME)
                .redirectOutput(out.toFile()).redirectError(prefix.resolve("channel-client.err").toFile()).start();
        try {
            TinyGuest.await(() -> read(out).contains("open") || !client.isAlive(), Duration.ofSeconds(20),
                    "the channel client did not open its stream");
            String seen = Guests.console(uri, NAME, prefix,
                    "for p in /sys/class/virtio-ports/*; do [ \"$(cat $p/name)\" = org.example.unix ] && d=/dev/${p##*/};"
                            + " done; exec 3<>$d; echo GUEST-TO-HOST >&3; echo GOT-$(head -c 13 <&3)-$((40+2));"
                            + " exec 3>&-",
                    "GOT-HOST-TO-GUEST-42");
            assertTrue(seen.contains("seen True"), "the guest read the host's bytes: " + seen);
            assertTrue(client.waitFor(20, TimeUnit.SECONDS), "the channel client did not finish");
            assertEquals("open\nGUEST-TO-HOST\n", Files.readString(out),
                    Files.readString(prefix.resolve("channel-client.err")));
        } finally {
            client.destroyForcibly();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
