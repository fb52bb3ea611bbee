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
import org.virtd.it.harness.VirtqemudProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * {@code <interface type='network'>} through a network daemon (issue 13): virtqemud asks the
 * daemon on {@code virtnetworkd-sock} in its run directory for a port, as libvirt's QEMU driver
 * asks virtnetworkd. libvirtd 9.0 (the anchor) serves that socket here and also runs the same
 * guest itself, so both use one network: the live {@code <interface>} must read the same (the port
 * id aside), each guest holds a port, our tap joins the network's bridge, and our port is given
 * back when our guest stops, also after a daemon restart. An inactive network refuses the start
 * with libvirtd's words.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkNicTest {
    private static final String NAME = "netnic";
    private static final String NET = "vdtestnet";
    private static final String BRIDGE = "vdtestbr0";
    private static final String NIC = "<interface type='network'><mac address='52:54:00:d7:00:01'/>"
            + "<source network='" + NET + "'/><model type='virtio'/></interface>";

    @TempDir
    static Path prefix;
    static VirtqemudProcess daemon;
    static Anchor anchor;
    static String ours;
    static String theirs;

    @BeforeAll
    static void start() throws Exception {
        TinyGuest guest = TinyGuest.get();
        daemon = VirtqemudProcess.start(prefix.resolve("vq"));
        ours = daemon.uri();
        anchor = Anchor.start(prefix.resolve("anchor"));
        theirs = anchor.uri();
        Files.createSymbolicLink(daemon.runDir().resolve("virtnetworkd-sock"), anchor.socketDir().resolve("libvirt-sock"));
        Path net = Files.writeString(prefix.resolve("net.xml"),
                "<network><name>" + NET + "</name><bridge name='" + BRIDGE + "'/></network>");
        ok(theirs, "net-define", net.toString());
        ok(theirs, "net-start", NET);
        for (String uri : List.of(ours, theirs)) {
            Path dir = Files.createDirectories(prefix.resolve(uri.equals(ours) ? "ours" : "theirs"));
            String xml = guest.xml(NAME, dir).replace("</devices>", NIC + "</devices>");
            ok(uri, "define", Files.writeString(dir.resolve("netnic.xml"), xml).toString());
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (String uri : new String[]{ours, theirs}) {
            if (uri != null) {
                Cli.virsh(uri, "destroy", NAME);
                Cli.virsh(uri, "undefine", NAME);
            }
        }
        if (theirs != null) {
            Cli.virsh(theirs, "net-destroy", NET);
            Cli.virsh(theirs, "net-undefine", NET);
        }
        if (daemon != null) {
            daemon.close();
        }
        Guests.killQemusUnder(prefix);
        if (anchor != null) {
            anchor.close();
        }
    }

    private static String liveNic(String uri) throws Exception {
        String xml = ok(uri, "dumpxml", NAME).out();
        String nic = xml.substring(xml.indexOf("<interface"), xml.indexOf("</interface>"));
        return nic.replaceAll("portid='[^']+'", "portid='P'").replaceAll("vnet\\d+", "vnetN");
    }

    private static List<String> ports() throws Exception {
        return Arrays.stream(ok(theirs, "net-port-list", NET).out().split("\n")).map(String::strip)
                .filter(l -> l.matches("[0-9a-f-]{36}")).toList();
    }

    @Test
    @Order(1)
    void bothGuestsRunOnTheNetworkAndReadTheSame() throws Exception {
        ok(theirs, "start", NAME);
        ok(ours, "start", NAME);
        assertEquals(liveNic(theirs), liveNic(ours));
        assertTrue(liveNic(ours).contains("<source network='" + NET + "' portid='P' bridge='" + BRIDGE + "'/>"),
                liveNic(ours));
        assertEquals(2, ports().size(), "a port for each guest");
        String tap = ok(ours, "domiflist", NAME).out().lines().filter(l -> l.contains(NET)).findFirst().orElseThrow()
                .strip().split("\\s+")[0];
        assertTrue(Files.exists(Path.of("/sys/class/net", BRIDGE, "brif", tap)), tap + " is not on " + BRIDGE);
    }

    @Test
    @Order(2)
    void ourPortGoesBackWhenOurGuestStopsAfterARestart() throws Exception {
        String xml = ok(ours, "dumpxml", NAME).out();
        String port = xml.replaceAll("(?s).*portid='([^']+)'.*", "$1");
        assertTrue(ports().contains(port), port + " in " + ports());
        daemon.restart();
        ok(ours, "destroy", NAME);
        assertFalse(ports().contains(port), "our port stays: " + ports());
        assertEquals(1, ports().size(), "libvirtd's guest keeps its port");
    }

    @Test
    @Order(3)
    void anInactiveNetworkRefusesTheStartAsLibvirtdDoes() throws Exception {
        ok(theirs, "destroy", NAME);
        ok(theirs, "net-destroy", NET);
        Cli.Result mine = Cli.virsh(ours, "start", NAME);
        Cli.Result reference = Cli.virsh(theirs, "start", NAME);
        assertTrue(mine.exit() != 0 && reference.exit() != 0, mine.all() + reference.all());
        assertEquals(reference.err(), mine.err());
        assertEquals(Guests.state(theirs, NAME), Guests.state(ours, NAME));
    }
}
