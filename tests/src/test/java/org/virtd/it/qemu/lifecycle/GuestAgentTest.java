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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * The guest agent end to end: the tiny guest runs the scripted agent of tests/guest-initrd on a
 * real virtio-serial port, QEMU serves the channel's socket and virtqemud connects when the guest
 * opens the port. Real virsh and python-libvirt calls then go through to the guest and back; a
 * command the agent never answers times out without spoiling the next; reboot and shutdown in
 * agent mode make the guest act on its own, and the channel's state follows.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GuestAgentTest {
    private static final String NAME = "agent";

    @TempDir
    static Path prefix;
    static VirtqemudProcess daemon;
    static String uri;

    @BeforeAll
    static void start() throws Exception {
        TinyGuest guest = TinyGuest.get();
        daemon = VirtqemudProcess.start(prefix);
        uri = daemon.uri();
        ok(uri, "define", guest.agentXmlFile(NAME, prefix).toString());
    }

    @AfterAll
    static void stop() {
        Guests.cleanUp(prefix, daemon);
    }

    private static boolean connected() {
        try {
            return Cli.virsh(uri, "dumpxml", NAME).out().contains("name='org.qemu.guest_agent.0' state='connected'");
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int consoleCount(String marker) {
        try {
            String text = Files.readString(TinyGuest.consoleLog(prefix, NAME));
            int n = 0;
            for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + 1)) {
                n++;
            }
            return n;
        } catch (IOException e) {
            return 0;
        }
    }

    @Test
    @Order(1)
    void theAgentConnectsWhenTheGuestOpensItsPort() throws Exception {
        Cli.Result x = ok(uri, "dumpxml", NAME);
        assertTrue(x.out().contains("<target type='virtio' name='org.qemu.guest_agent.0'/>"), x.out());
        ok(uri, "start", NAME);
        TinyGuest.await(GuestAgentTest::connected, Duration.ofSeconds(90), "the agent channel never opened");
        String live = ok(uri, "dumpxml", NAME).out();
        assertTrue(live.contains("<source mode='bind' path='" + prefix.resolve(
                "var/lib/libvirt/qemu/channel/target/domain-1-" + NAME + "/org.qemu.guest_agent.0") + "'/>"), live);
        assertTrue(live.contains("<alias name='channel0'/>"), live);
        assertTrue(live.contains("<address type='virtio-serial' controller='0' bus='0' port='1'/>"), live);
    }

    @Test
    @Order(2)
    void virshCallsReachTheGuest() throws Exception {
        assertEquals("{\"return\":{}}", ok(uri, "qemu-agent-command", NAME, "{\"execute\":\"guest-ping\"}").out().trim());
        ok(uri, "domtime", NAME, "--time", "1800000000");
        String time = ok(uri, "domtime", NAME).out().trim();
        assertTrue(time.matches("Time: 18000000[0-9][0-9]"), time);
        assertEquals("tiny-guest", ok(uri, "domhostname", NAME).out().trim());
        assertTrue(ok(uri, "guestinfo", NAME, "--os").out().contains("os.kernel-release   : 6."), "kernel of the guest");
        String addrs = ok(uri, "domifaddr", NAME, "--source", "agent").out();
        assertTrue(addrs.contains("192.0.2.15/24"), addrs);
        assertEquals("Froze 1 filesystem(s)", ok(uri, "domfsfreeze", NAME).out().trim());
        assertEquals("Thawed 1 filesystem(s)", ok(uri, "domfsthaw", NAME).out().trim());
        assertTrue(ok(uri, "set-user-password", NAME, "root", "secret").out().contains("Password set successfully"));
    }

    @Test
    @Order(3)
    void pythonSeesLibvirtsTypedValues() throws Exception {
        Cli.Result r = Cli.python("import libvirt, libvirt_qemu, sys\n"
                + "d = libvirt.open(sys.argv[1]).lookupByName(sys.argv[2])\n"
                + "i = d.guestInfo(libvirt.VIR_DOMAIN_GUEST_INFO_USERS | libvirt.VIR_DOMAIN_GUEST_INFO_DISKS, 0)\n"
                + "print(i['user.count'], i['user.0.name'], i['user.0.login-time'], i['disk.0.partition'])\n"
                + "print(d.fsInfo())\n"
                + "print(d.guestVcpus())\n"
                + "print(libvirt_qemu.qemuAgentCommand(d, '{\"execute\":\"guest-info\"}', "
                + "libvirt_qemu.VIR_DOMAIN_QEMU_AGENT_COMMAND_BLOCK, 0))\n", uri, NAME);
        assertEquals(0, r.exit(), r.all());
        String[] lines = r.out().split("\n");
        assertEquals("1 root 1700000000250 False", lines[0]);
        assertEquals("[('/', 'vda1', 'ext4', [])]", lines[1]);
        assertEquals("{'vcpus': '0', 'online': '0', 'offlinable': ''}", lines[2]);
        assertTrue(lines[3].startsWith("{\"return\":{\"version\":"), lines[3]);
    }

    @Test
    @Order(4)
    void anUnansweredCommandTimesOutAndTheNextOneIsFine() throws Exception {
        Cli.Result hang = Cli.virsh(uri, "qemu-agent-command", NAME, "{\"execute\":\"tiny-hang\"}", "--timeout", "1");
        assertEquals(1, hang.exit());
        assertTrue(hang.err().contains("Guest agent is not responding: Guest agent not available for now"), hang.all());
        assertEquals("{\"return\":{}}", ok(uri, "qemu-agent-command", NAME, "{\"execute\":\"guest-ping\"}").out().trim());
        Cli.Result unknown = Cli.virsh(uri, "qemu-agent-command", NAME, "{\"execute\":\"no-such\"}");
        assertTrue(unknown.err().contains("internal error: unable to execute QEMU agent command 'no-such': "
                + "The command no-such has not been found"), unknown.all());
    }

    @Test
    @Order(5)
    void rebootInAgentModeIsTheGuestsOwn() throws Exception {
        ok(uri, "reboot", NAME, "--mode", "agent");
        TinyGuest.await(() -> consoleCount("GUEST-AGENT-REBOOT") == 1, Duration.ofSeconds(30), "no reboot by the agent");
        TinyGuest.await(() -> consoleCount("GUEST-AGENT-READY") == 2, Duration.ofSeconds(90), "the agent did not return");
        TinyGuest.await(GuestAgentTest::connected, Duration.ofSeconds(30), "the channel did not open again");
        assertEquals("running (booted)", Guests.state(uri, NAME));
        assertEquals("{\"return\":{}}", ok(uri, "qemu-agent-command", NAME, "{\"execute\":\"guest-ping\"}").out().trim());
    }

    @Test
    @Order(6)
    void shutdownPrefersTheConnectedAgent() throws Exception {
        ok(uri, "shutdown", NAME);
        TinyGuest.await(() -> consoleCount("GUEST-AGENT-POWERDOWN") == 1, Duration.ofSeconds(30),
                "the agent was not asked to power down");
        TinyGuest.await(() -> Guests.stateIs(uri, NAME, "shut off (shutdown)"), Duration.ofSeconds(30), "not shut off");
        Cli.Result r = Cli.virsh(uri, "domtime", NAME);
        assertTrue(r.err().contains("domain is not running"), r.all());
    }
}
