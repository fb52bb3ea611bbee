package org.virtd.it.protocol;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.virtd.core.testing.WireClient;
import org.virtd.it.harness.DaemonExtension;
import org.virtd.it.harness.VirtqemudProcess;
import org.virtd.rpc.admin.AdminProgram;
import org.virtd.rpc.capture.CapturedFrame;
import org.virtd.rpc.capture.Pcap;
import org.virtd.rpc.message.Header;
import org.virtd.rpc.message.MessageType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Replays the client side of the connection-level captures (real virsh, python and virt-admin
 * against libvirtd 9.0) against a real virtqemud: every recorded CALL must be answered with the
 * same message type and status the reference daemon gave.
 */
class CaptureReplayTest {
    @RegisterExtension
    static final DaemonExtension DAEMON = new DaemonExtension();

    @ParameterizedTest
    @ValueSource(strings = {"01-virsh-version", "02-virsh-uri", "03-virsh-hostname", "04-virsh-nodeinfo",
        "05-virsh-sysinfo", "06-virsh-capabilities", "07-virsh-list-all", "28-py-getversion",
        "29-py-listalldomains", "35-virt-admin-srv-list", "36-virt-admin-srv-threadpool-info",
        "37-virt-admin-srv-clients-list"})
    void repliesMatchTheReference(String capture) throws Exception {
        List<CapturedFrame> frames = load(capture);
        Map<Integer, List<CapturedFrame>> byConnection = new LinkedHashMap<>();
        for (CapturedFrame f : frames) {
            byConnection.computeIfAbsent(f.connection(), k -> new ArrayList<>()).add(f);
        }
        for (List<CapturedFrame> conn : byConnection.values()) {
            replay(capture, conn);
        }
    }

    private static void replay(String capture, List<CapturedFrame> conn) throws Exception {
        boolean admin = conn.get(0).header().program() == AdminProgram.ID;
        try (WireClient c = WireClient.connect(admin ? DAEMON.daemon().adminSocket() : DAEMON.daemon().socket())) {
            for (CapturedFrame f : conn) {
                Header h = f.header();
                if (!f.fromClient() || h.messageType() != MessageType.CALL) {
                    continue;
                }
                Header expected = replyTo(conn, h);
                c.writeRaw(ByteBuffer.wrap(admin ? ownServerName(f.bytes()) : f.bytes()));
                Header got = awaitReply(c, h.serial());
                assertNotNull(expected, capture + ": no reference reply for " + h);
                assertEquals(expected.type() + "/" + expected.status(), got.type() + "/" + got.status(),
                        capture + ": " + h);
            }
        }
    }

    /**
     * The reference daemon's main server is called {@code libvirtd}; ours is {@code virtqemud}.
     * Admin calls naming the server get the XDR string swapped (and the length word fixed).
     */
    static byte[] ownServerName(byte[] packet) {
        byte[] from = xdrString("libvirtd");
        byte[] to = xdrString("virtqemud");
        int at = indexOf(packet, from);
        if (at < 0) {
            return packet;
        }
        ByteBuffer out = ByteBuffer.allocate(packet.length - from.length + to.length);
        out.put(packet, 0, at).put(to).put(packet, at + from.length, packet.length - at - from.length);
        out.putInt(0, out.capacity());
        return out.array();
    }

    private static byte[] xdrString(String s) {
        byte[] b = s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(4 + ((b.length + 3) & ~3));
        out.putInt(b.length).put(b);
        return out.array();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 28; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static Header replyTo(List<CapturedFrame> conn, Header call) {
        for (CapturedFrame f : conn) {
            Header h = f.header();
            if (!f.fromClient() && h.messageType() == MessageType.REPLY && h.serial() == call.serial()
                    && h.procedure() == call.procedure()) {
                return h;
            }
        }
        return null;
    }

    private static Header awaitReply(WireClient c, int serial) throws IOException {
        while (true) {
            ByteBuffer p = c.readPacket();
            if (p == null) {
                throw new IOException("daemon closed the connection");
            }
            Header h = Header.decode(Unpooled.wrappedBuffer(p));
            if (h.messageType() == MessageType.REPLY && h.serial() == serial) {
                return h;
            }
        }
    }

    private static List<CapturedFrame> load(String name) throws IOException {
        try (InputStream in = CaptureReplayTest.class.getResourceAsStream("/captures/" + name + ".pcap")) {
            assertNotNull(in, "capture " + name + " is not on the test classpath");
            return Pcap.frames(in.readAllBytes());
        }
    }
}
