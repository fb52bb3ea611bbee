package org.virtd.it.vbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.LibvirtGuestsRun;
import org.virtd.it.harness.VirtqemudProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 15 under virtvboxd (stand-in VBoxManage): {@code libvirt-guests stop} saves the running
 * machines (the VirtualBox driver has no managed save, so through {@code virsh save}, which keeps
 * the state in the machine) and {@code start} resumes them; in shutdown mode a machine powers off
 * within SHUTDOWN_TIMEOUT and one whose guest ignores the ACPI button is reported and left
 * running. libvirt's VirtualBox driver has no transient machines.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VboxLibvirtGuestsIT {
    @TempDir
    static Path dir;
    static VboxStandIn vbox;
    static VirtqemudProcess daemon;
    static String uri;
    static LibvirtGuestsRun guests;

    @BeforeAll
    static void start() throws Exception {
        Cli.requireTool("virsh");
        VboxStandIn.dir();
        vbox = new VboxStandIn(dir);
        Path prefix = dir.resolve("prefix");
        daemon = VirtqemudProcess.start(prefix, "virtvboxd", vbox.env());
        uri = "vbox+unix:///system?socket=" + daemon.socket();
        guests = new LibvirtGuestsRun(prefix, Map.of());
        for (String name : new String[] {"vm1", "deaf"}) {
            Path disk = VboxStandIn.diskImage(dir.resolve(name + ".vmdk"));
            Path xml = dir.resolve(name + ".xml");
            Files.writeString(xml, "<domain type='vbox'><name>" + name + "</name><memory unit='MiB'>256</memory>"
                    + "<vcpu>1</vcpu><os><type>hvm</type></os><features><acpi/></features><devices>"
                    + "<disk type='file' device='disk'><source file='" + disk + "'/><target dev='sda' bus='sata'/>"
                    + "</disk></devices></domain>");
            ok("define", xml.toString());
        }
        assertEquals(0, vbox.manage("setextradata", "deaf", "VBoxStub/GuestIgnoresACPI", "1").exit());
        ok("start", "vm1");
        ok("start", "deaf");
    }

    @AfterAll
    static void stop() {
        if (daemon != null) {
            daemon.close();
        }
    }

    @Test
    @Order(1)
    void suspendSavesTheMachinesAndStartResumesThem() throws Exception {
        // no URIS: the default names every daemon under the prefix (virtqemud is not running here)
        guests.configure("ON_SHUTDOWN=suspend");
        Cli.Result r = guests.run("stop", 120);
        assertEquals(0, r.exit(), r.out());
        assertTrue(r.out().contains("running guests: vm1, deaf\n"), r.out());
        assertTrue(r.out().contains("vm1: saved (the driver has no managed save: saved with virsh save)\n"), r.out());
        assertTrue(r.out().contains("virtqemud-sock: cannot connect, skipped\n"), r.out());
        for (String name : new String[] {"vm1", "deaf"}) {
            assertEquals("shut off", ok("domstate", name).out().strip());
            assertTrue(ok("dominfo", name).out().contains("Managed save:   yes"), name);
            assertTrue(vbox.manage("showvminfo", name, "--machinereadable").out().contains("VMState=\"saved\""));
        }
        assertEquals(3, guests.run("status", 30).exit());

        Cli.Result s = guests.run("start", 120);
        assertEquals(0, s.exit(), s.out());
        assertEquals("vm1: started\ndeaf: started\n", s.out());
        assertEquals("running", ok("domstate", "vm1").out().strip());
        assertEquals("running", ok("domstate", "deaf").out().strip());
        assertEquals(0, guests.run("status", 30).exit());
    }

    @Test
    @Order(2)
    void shutdownPowersOffAndReportsAMachineIgnoringAcpi() throws Exception {
        guests.configure("URIS=" + uri, "ON_SHUTDOWN=shutdown", "SHUTDOWN_TIMEOUT=6");
        long t0 = System.nanoTime();
        Cli.Result r = guests.run("stop", 120);
        long seconds = Duration.ofNanos(System.nanoTime() - t0).toSeconds();
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.out().matches("(?s).*vm1: shut down after \\d+ s\n.*"), r.out());
        assertTrue(r.out().contains("deaf: FAILED: still running after SHUTDOWN_TIMEOUT=6 s, left running\n"), r.out());
        assertTrue(seconds >= 6 && seconds < 60, seconds + " s");
        assertEquals("shut off", ok("domstate", "vm1").out().strip());
        assertEquals("running", ok("domstate", "deaf").out().strip());
        ok("destroy", "deaf");
    }

    private static Cli.Result ok(String... args) throws Exception {
        Cli.Result r = Cli.virsh(uri, args);
        assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.all() + "\n" + daemon.log());
        return r;
    }
}
