package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * Issue 13's NICs on host taps, end to end: virtqemud runs in a network namespace of this test's
 * own ({@code ip netns exec}), so its taps and the bridge the test makes never touch the host's
 * network. A tiny guest with an {@code ethernet} NIC (tap named vnet0 by the daemon) and one with
 * a {@code bridge} NIC start; their live XML names the taps. The tiny guest has no NIC driver, so
 * its link carries only what QEMU itself sends (the RARP announcements of QMP announce-self),
 * which moves the guest's tx counters; frames the test writes into the tap or the bridge stay
 * queued for a NIC that never takes them, and once the tap's queue is full the guest's rx_drop
 * moves. Both are read through {@code virsh domifstat} (by name and MAC) and python's
 * interfaceStats; the taps go when the guests stop. Needs root (netns, taps); skipped otherwise.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GuestNicTest {
    private static final String ETH = "niceth";
    private static final String BR = "nicbr";
    private static final String BRIDGE = "vdbr0";
    private static final String PORT = "vdport0";
    private static final String ETH_MAC = "52:54:00:5e:00:01";
    private static final String BR_MAC = "52:54:00:5e:00:02";
    private static final int ANNOUNCEMENTS = 3;
    /** More than a tap queues (its txqueuelen, 1000) for a reader that never reads. */
    private static final int FRAMES = 1100;

    @TempDir
    static Path prefix;
    static String netns;
    static VirtqemudProcess daemon;
    static TinyGuest guest;
    static String uri;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "taps and netns need root");
        Cli.requireTool("ip");
        guest = TinyGuest.get();
        netns = "vdnic" + ProcessHandle.current().pid();
        Cli.Result made = Cli.run(List.of("ip", "netns", "add", netns), 30);
        Assumptions.assumeTrue(made.exit() == 0, "cannot make a network namespace: " + made.all());
        Cli.Result entered = inNs("true");
        Assumptions.assumeTrue(entered.exit() == 0, "cannot run in a network namespace: " + entered.all());
        inNs("ip", "link", "set", "lo", "up");
        inNs("ip", "link", "add", BRIDGE, "type", "bridge");
        inNs("ip", "link", "set", BRIDGE, "up");
        daemon = VirtqemudProcess.startWrapped(prefix, List.of("ip", "netns", "exec", netns));
        uri = daemon.uri();
        ok(uri, "define", xmlFile(ETH, "<interface type='ethernet'><mac address='" + ETH_MAC + "'/>"
                + "<model type='virtio'/></interface>").toString());
        ok(uri, "define", xmlFile(BR, "<interface type='bridge'><mac address='" + BR_MAC + "'/>"
                + "<source bridge='" + BRIDGE + "'/><target dev='" + PORT + "'/><model type='e1000'/></interface>")
                .toString());
    }

    @AfterAll
    static void stop() throws Exception {
        if (daemon != null) {
            daemon.close();
        }
        Guests.killQemusUnder(prefix);
        if (netns != null) {
            Cli.run(List.of("ip", "netns", "del", netns), 30);
        }
    }

    @Test
    @Order(1)
    void bothGuestsStartOnTheirTaps() throws Exception {
        ok(uri, "start", ETH);
        ok(uri, "start", BR);
        TinyGuest.awaitBoots(prefix, ETH, 1, Duration.ofSeconds(60));
        String eth = ok(uri, "dumpxml", ETH).out();
        assertTrue(eth.contains("<target dev='vnet0'/>"), eth);
        assertTrue(eth.contains("<alias name='net0'/>"), eth);
        String br = ok(uri, "dumpxml", BR).out();
        assertTrue(br.contains("<source bridge='" + BRIDGE + "'/>\n      <target dev='" + PORT + "'/>"), br);
        String tap = inNs("ip", "-o", "link", "show", "dev", "vnet0").out();
        assertTrue(tap.contains("link/ether fe:54:00:5e:00:01") && tap.contains(",UP,"), tap);
        String port = inNs("ip", "-o", "link", "show", "dev", PORT).out();
        assertTrue(port.contains("master " + BRIDGE) && port.contains("link/ether fe:54:00:5e:00:02"), port);
        String list = ok(uri, "domiflist", BR).out();
        assertTrue(list.matches("(?s).*" + PORT + "\\s+bridge\\s+" + BRIDGE + "\\s+e1000\\s+" + BR_MAC + ".*"), list);
    }

    @Test
    @Order(2)
    void whatTheGuestsNicSendsMovesItsTxCounters() throws Exception {
        long before = counter(ETH, "vnet0", "tx_packets");
        announce(ETH);
        TinyGuest.await(() -> counter(ETH, "vnet0", "tx_packets") >= before + ANNOUNCEMENTS, Duration.ofSeconds(10),
                "tx_packets of vnet0 did not move");
        assertTrue(counter(ETH, ETH_MAC, "tx_bytes") >= ANNOUNCEMENTS * 60L, "the same NIC by MAC");
        String py = Cli.python("import libvirt, sys\n"
                + "c = libvirt.open(sys.argv[1])\n"
                + "s = c.lookupByName(sys.argv[2]).interfaceStats('vnet0')\n"
                + "print(s[5])\n", uri, ETH).out().trim();
        assertTrue(Long.parseLong(py) >= before + ANNOUNCEMENTS, py);
        String stats = ok(uri, "domstats", ETH, "--interface").out();
        assertTrue(stats.contains("net.count=1") && stats.contains("net.0.name=vnet0"), stats);
        assertTrue(stats.matches("(?s).*net\\.0\\.tx\\.pkts=[1-9].*"), stats);
    }

    @Test
    @Order(3)
    void framesWrittenIntoTheTapAreCountedForTheGuest() throws Exception {
        long before = counter(ETH, "vnet0", "rx_drop");
        sendFrames("vnet0", FRAMES);
        TinyGuest.await(() -> counter(ETH, "vnet0", "rx_drop") >= before + 50, Duration.ofSeconds(10),
                "rx_drop of vnet0 did not move");
    }

    @Test
    @Order(4)
    void theBridgedGuestsLinkSeesTrafficBothWays() throws Exception {
        long tx = counter(BR, PORT, "tx_packets");
        announce(BR);
        TinyGuest.await(() -> counter(BR, PORT, "tx_packets") >= tx + ANNOUNCEMENTS, Duration.ofSeconds(10),
                "tx_packets of " + PORT + " did not move");
        long rx = counter(BR, BR_MAC, "rx_packets") + counter(BR, BR_MAC, "rx_drop");
        sendFrames(BRIDGE, FRAMES);
        // e1000 waits for a driver: the frames queue up, then are dropped (an rtl8139 would take them)
        TinyGuest.await(() -> counter(BR, BR_MAC, "rx_packets") + counter(BR, BR_MAC, "rx_drop") >= rx + 50,
                Duration.ofSeconds(10), "frames flooded by the bridge did not reach " + PORT);
    }

    @Test
    @Order(5)
    void stoppingTheGuestsRemovesTheirTaps() throws Exception {
        ok(uri, "destroy", ETH);
        ok(uri, "destroy", BR);
        TinyGuest.await(() -> !exists("vnet0") && !exists(PORT), Duration.ofSeconds(10), "taps left behind");
        assertTrue(exists(BRIDGE), "the bridge is the test's: it stays");
        Cli.Result gone = Cli.virsh(uri, "domifstat", ETH, "vnet0");
        assertEquals(1, gone.exit());
        assertTrue(gone.err().contains("domain is not running"), gone.err());
        assertFalse(daemon.log().contains(" error : "), daemon.log());
    }

    private static Path xmlFile(String name, String nic) throws IOException {
        Path f = prefix.resolve(name + ".xml");
        Files.writeString(f, guest.xml(name, prefix).replace("    <serial type='pty'>", "    " + nic
                + "\n    <serial type='pty'>"));
        return f;
    }

    /** A counter as {@code virsh domifstat} shows the guest's side. */
    private static long counter(String dom, String dev, String name) {
        try {
            for (String line : ok(uri, "domifstat", dom, dev).out().split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 3 && f[1].equals(name)) {
                    return Long.parseLong(f[2]);
                }
            }
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("no " + name + " for " + dev);
    }

    /** QEMU sends RARP announcements from the guest's NICs (the guest has no driver to do it). */
    private static void announce(String dom) throws Exception {
        ok(uri, "qemu-monitor-command", dom, "{\"execute\":\"announce-self\",\"arguments\":{\"initial\":50,"
                + "\"max\":100,\"rounds\":" + ANNOUNCEMENTS + ",\"step\":10}}");
    }

    /** Broadcast frames of a local experimental ethertype, written into {@code dev} inside the namespace. */
    private static void sendFrames(String dev, int count) throws Exception {
        String script = "import socket, sys\n"
                + "s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)\n"
                + "s.bind((sys.argv[1], 0))\n"
                + "for i in range(int(sys.argv[2])):\n"
                + "    try:\n"
                + "        s.send(b'\\xff' * 6 + bytes.fromhex('02000000beef') + b'\\x88\\xb5' + bytes(50))\n"
                + "    except OSError:\n"
                + "        pass  # ENOBUFS: the tap dropped it, which is what the test counts\n";
        Cli.Result r = inNs("/usr/bin/python3", "-c", script, dev, Integer.toString(count));
        assertEquals(0, r.exit(), r.all());
    }

    private static boolean exists(String dev) {
        try {
            return inNs("ip", "link", "show", "dev", dev).exit() == 0;
        } catch (IOException | InterruptedException e) {
            return true;
        }
    }

    private static Cli.Result inNs(String... cmd) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("ip", "netns", "exec", netns));
        argv.addAll(List.of(cmd));
        return Cli.run(argv, 30);
    }
}
