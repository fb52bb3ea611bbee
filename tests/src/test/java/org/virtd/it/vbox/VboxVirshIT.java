package org.virtd.it.vbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12 with virsh against the built virtvboxd and the VBoxManage stand-in: version,
 * capabilities, a machine with a disk image and a NAT NIC through define, list, dominfo,
 * dumpxml, start, suspend, resume, ACPI shutdown, destroy and undefine (disk kept); the
 * read-only socket refusing writes; an injected VBoxManage failure during define reaching the
 * client as the mapped error with no machine left registered; no VBoxManage at all.
 */
class VboxVirshIT {
    private static VboxDaemon box;

    @BeforeAll
    static void start() throws IOException {
        box = VboxDaemon.start("virtd-vbox-it-");
    }

    @AfterAll
    static void stop() throws IOException {
        if (box != null) {
            box.close();
        }
    }

    static String uri(Path socket) {
        return VboxDaemon.uri(socket);
    }

    private static Cli.Result ok(String... args) throws Exception {
        return box.ok(args);
    }

    private static Cli.Result fails(String... args) throws Exception {
        return box.fails(args);
    }

    private static Path domainXml(String name, Path disk) throws IOException {
        Path xml = box.dir.resolve(name + ".xml");
        Files.writeString(xml, "<domain type='vbox'><name>" + name + "</name><memory unit='MiB'>256</memory>"
                + "<vcpu>2</vcpu><os><type>hvm</type><boot dev='hd'/></os><features><acpi/><apic/><pae/></features>"
                + "<devices><disk type='file' device='disk'><source file='" + disk + "'/>"
                + "<target dev='sda' bus='sata'/></disk><interface type='user'>"
                + "<mac address='08:00:27:aa:bb:cc'/><model type='82540EM'/></interface></devices></domain>");
        return xml;
    }

    private static void awaitState(String name, String state) throws Exception {
        long deadline = System.nanoTime() + 15_000_000_000L;
        String now = "";
        while (System.nanoTime() < deadline) {
            now = ok("domstate", name).out().strip();
            if (now.equals(state)) {
                return;
            }
            Thread.sleep(200);
        }
        assertEquals(state, now);
    }

    @Test
    void machineThroughItsLife() throws Exception {
        assertTrue(ok("version").out().contains("Running hypervisor: VBOX 7.0.18"), ok("version").out());
        assertTrue(ok("capabilities").out().contains("<domain type='vbox'/>"));

        Path disk = VboxStandIn.diskImage(box.dir.resolve("vm1.vmdk"));
        assertTrue(ok("define", domainXml("vm1", disk).toString()).out().contains("Domain 'vm1' defined"));
        assertTrue(ok("list", "--all").out().matches("(?s).*\\n -\\s+vm1\\s+shut off\\n.*"));
        String info = ok("dominfo", "vm1").out();
        for (String line : new String[]{"Id:             -", "Name:           vm1", "OS Type:        hvm",
            "State:          shut off", "CPU(s):         2", "Used memory:    262144 KiB", "Persistent:     yes"}) {
            assertTrue(info.contains(line + "\n"), line + " missing from\n" + info);
        }
        String xml = ok("dumpxml", "vm1").out();
        for (String part : new String[]{"<domain type='vbox'>", "<name>vm1</name>",
            "<memory unit='KiB'>262144</memory>", "<vcpu>2</vcpu>", "<boot dev='hd'/>", "<acpi/>", "<apic/>",
            "<pae/>", "<clock offset='localtime'/>", "<source file='" + disk + "'/>",
            "<target dev='sda' bus='sata'/>", "<controller type='sata' index='0'/>", "<interface type='user'>",
            "<mac address='08:00:27:aa:bb:cc'/>", "<model type='82540EM'/>", "<model type='vbox' vram='8192' heads='1'>", "<graphics type='desktop'/>"}) {
            assertTrue(xml.contains(part), part + " missing from\n" + xml);
        }

        ok("start", "vm1");
        assertEquals("running", ok("domstate", "vm1").out().strip());
        assertEquals("1", ok("domid", "vm1").out().strip());
        assertTrue(ok("dumpxml", "vm1").out().startsWith("<domain type='vbox' id='1'>"));
        ok("suspend", "vm1");
        assertEquals("paused", ok("domstate", "vm1").out().strip());
        assertTrue(fails("shutdown", "vm1").err().contains("machine paused, so can't power it down"));
        ok("resume", "vm1");
        ok("shutdown", "vm1");
        awaitState("vm1", "shut off");
        assertTrue(fails("destroy", "vm1").err().contains("operation failed: machine already powered down"));
        ok("start", "vm1");
        ok("save", "vm1", box.dir.resolve("ignored.sav").toString());
        assertEquals("shut off", ok("domstate", "vm1").out().strip());
        assertTrue(ok("dominfo", "vm1").out().contains("Managed save:   yes"));
        assertTrue(box.vbox.manage("showvminfo", "vm1", "--machinereadable").out().contains("VMState=\"saved\""));
        ok("start", "vm1");
        assertEquals("running", ok("domstate", "vm1").out().strip());
        ok("destroy", "vm1");
        assertEquals("shut off", ok("domstate", "vm1").out().strip());

        ok("undefine", "vm1");
        assertFalse(box.vbox.manage("list", "vms").out().contains("vm1"));
        assertTrue(Files.exists(disk), "undefine keeps disk images");
        assertTrue(fails("dominfo", "vm1").err().contains("failed to get domain 'vm1'"));
    }

    @Test
    void eventsForChangesMadeHereAndBehindTheDaemonsBack() throws Exception {
        Path disk = VboxStandIn.diskImage(box.dir.resolve("evt.vmdk"));
        ok("define", domainXml("evt", disk).toString());
        Process watcher = new ProcessBuilder("virsh", "-c", uri(box.daemon.socket()), "event", "--all", "--loop",
                "--timeout", "9").redirectErrorStream(true).start();
        try {
            Thread.sleep(2500);
            assertEquals(0, box.vbox.manage("startvm", "evt", "--type", "headless").exit());
            Thread.sleep(3000);
            ok("suspend", "evt");
            ok("destroy", "evt");
            assertTrue(watcher.waitFor(20, java.util.concurrent.TimeUnit.SECONDS));
            String out = new String(watcher.getInputStream().readAllBytes());
            assertTrue(out.contains("event 'lifecycle' for domain 'evt': Started Booted"), out);
            assertTrue(out.contains("event 'lifecycle' for domain 'evt': Suspended Paused"), out);
            assertTrue(out.contains("event 'lifecycle' for domain 'evt': Stopped Destroyed"), out);
            assertEquals(1, out.split("Started Booted", -1).length - 1, out);
            assertEquals(1, out.split("Stopped", -1).length - 1, "no second STOPPED from the poll\n" + out);
        } finally {
            watcher.destroyForcibly();
        }
        ok("undefine", "evt");
    }

    static final String PYTHON = """
            import libvirt, sys, threading, time
            libvirt.virEventRegisterDefaultImpl()
            def loop():
                while True:
                    libvirt.virEventRunDefaultImpl()
            threading.Thread(target=loop, daemon=True).start()
            c = libvirt.open(sys.argv[1])
            ev = []
            c.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE,
                                     lambda conn, dom, e, d, o: ev.append((dom.name(), e, d)), None)
            assert c.getType() == 'VBOX', c.getType()
            assert c.getVersion() == 7000018, c.getVersion()
            try:
                c.lookupByName('nosuch')
                raise SystemExit('nosuch found')
            except libvirt.libvirtError as e:
                assert (e.get_error_code(), e.get_error_domain()) == (42, 25), (e.get_error_code(), e.get_error_domain())
            d = c.defineXML(open(sys.argv[2]).read())
            assert d.state() == [5, 0], d.state()
            d.create()
            assert d.state() == [1, 0] and d.ID() > 0, (d.state(), d.ID())
            d.suspend(); d.resume(); d.destroy()
            try:
                d.destroy()
                raise SystemExit('destroyed twice')
            except libvirt.libvirtError as e:
                assert (e.get_error_code(), str(e)) == (9, 'operation failed: machine already powered down'), str(e)
            d.undefine()
            time.sleep(1.5)
            want = [('py1', 0, 0), ('py1', 2, 0), ('py1', 3, 0), ('py1', 4, 0), ('py1', 5, 1), ('py1', 1, 0)]
            assert ev == want, ev
            """;

    @Test
    void pythonLibvirtDoesTheSameAndReceivesEvents() throws Exception {
        Cli.requireTool("/usr/bin/python3");
        Path xml = domainXml("py1", VboxStandIn.diskImage(box.dir.resolve("py1.vmdk")));
        Cli.Result r = Cli.python(PYTHON + "print('OK')\n", uri(box.daemon.socket()), xml.toString());
        assertEquals("OK", r.out().strip(), r.all() + "\n" + box.daemon.log());
        assertFalse(box.vbox.manage("list", "vms").out().contains("py1"));
    }

    @Test
    void snapshotsTakenListedRevertedAndDeleted() throws Exception {
        Path disk = VboxStandIn.diskImage(box.dir.resolve("snap.vmdk"));
        ok("define", domainXml("snap", disk).toString());
        assertTrue(ok("snapshot-create-as", "snap", "s1", "--description", "d").out().contains("Domain snapshot s1 created"));
        assertTrue(ok("snapshot-list", "snap").out().matches("(?s).*\\n s1\\s+\\d{4}-.*shutoff\\n.*"),
                ok("snapshot-list", "snap").out());
        assertEquals("s1", ok("snapshot-current", "--name", "snap").out().strip());
        String xml = ok("snapshot-dumpxml", "snap", "s1").out();
        assertTrue(xml.contains("<name>s1</name>") && xml.contains("<description>d</description>"), xml);
        ok("snapshot-create-as", "snap", "s2");
        assertEquals("s2", ok("snapshot-current", "--name", "snap").out().strip());
        String info = ok("snapshot-info", "snap", "s2").out();
        assertTrue(info.contains("Parent:         s1") && info.contains("Current:        yes"), info);
        ok("snapshot-revert", "snap", "s1");
        assertEquals("s1", ok("snapshot-current", "--name", "snap").out().strip());
        ok("snapshot-delete", "snap", "s2");
        String list = ok("snapshot-list", "snap", "--name").out();
        assertEquals("s1", list.strip(), list);

        Cli.Result ro = Cli.virsh(uri(box.daemon.roSocket()), "snapshot-create-as", "snap", "s3");
        assertNotEquals(0, ro.exit());
        assertTrue(ro.err().contains("read only access prevents virDomainSnapshotCreateXML"), ro.err());
        assertTrue(fails("snapshot-revert", "snap", "nosuch").err()
                .contains("Domain snapshot not found: no domain snapshot with matching name 'nosuch'"));
        ok("snapshot-delete", "snap", "s1");
        ok("undefine", "snap");
    }

    @Test
    void readOnlySocketRefusesWrites() throws Exception {
        Path disk = VboxStandIn.diskImage(box.dir.resolve("ro.vmdk"));
        Cli.Result r = Cli.virsh(uri(box.daemon.roSocket()), "define", domainXml("ro1", disk).toString());
        assertNotEquals(0, r.exit());
        assertTrue(r.err().contains("read only access prevents virDomainDefineXML"), r.err());
        assertEquals(0, Cli.virsh(uri(box.daemon.roSocket()), "list", "--all").exit());
        assertFalse(box.vbox.manage("list", "vms").out().contains("ro1"));
    }

    @Test
    void failingStepLeavesNoHalfDefinedMachine() throws Exception {
        Path disk = VboxStandIn.diskImage(box.dir.resolve("half.vmdk"));
        assertEquals(0, box.vbox.manage("setextradata", "global", "VBoxStub/Fail/storageattach", "default:1").exit());
        Cli.Result r = fails("define", domainXml("half", disk).toString());
        assertTrue(r.err().contains("error: operation failed: "), r.err());
        assertTrue(r.err().contains("locked"), r.err());
        assertFalse(box.vbox.manage("list", "vms").out().contains("half"));
        // the injection is spent: the same definition now succeeds, nothing of the first attempt in its way
        ok("define", domainXml("half", disk).toString());
        ok("undefine", "half");
    }

    /** Each define step VirtualBox can refuse, via the stand-in's extradata knob (one failure each). */
    @Test
    void everyFailingDefineStepIsRolledBack() throws Exception {
        Path disk = VboxStandIn.diskImage(box.dir.resolve("steps.vmdk"));
        for (String step : new String[]{"createvm", "modifyvm", "storagectl", "storageattach"}) {
            assertEquals(0, box.vbox.manage("setextradata", "global", "VBoxStub/Fail/" + step, "default:1").exit());
            Cli.Result r = fails("define", domainXml("steps", disk).toString());
            assertTrue(r.err().contains("error: operation failed: "), step + ": " + r.err());
            assertFalse(box.vbox.manage("list", "vms").out().contains("\"steps\""), step);
            assertFalse(Files.exists(box.dir.resolve("home/VirtualBox VMs/steps/steps.vbox")), step);
        }
        ok("define", domainXml("steps", disk).toString());
        assertEquals(0, box.vbox.manage("setextradata", "global", "VBoxStub/Fail/startvm", "default:1").exit());
        Cli.Result start = fails("start", "steps");
        assertTrue(start.err().contains("error: operation failed: The virtual machine 'steps' has terminated "
                + "unexpectedly during startup"), start.err());
        assertEquals("shut off", ok("domstate", "steps").out().strip());
        ok("start", "steps");
        assertTrue(fails("undefine", "steps").err().contains("operation failed: Cannot unregister the machine 'steps' while it is locked"));
        assertEquals(0, box.vbox.manage("setextradata", "global", "VBoxStub/Fail/controlvm.poweroff", "default:1").exit());
        assertTrue(fails("destroy", "steps").err().contains("operation failed: Failed to power off machine."));
        ok("destroy", "steps");
        ok("undefine", "steps");
    }

    /**
     * Every failure the stand-in injects into a command the driver runs on a defined machine reaches
     * virsh with VirtualBox's own words, and the machine stays as it was (README §7.1 of the stand-in).
     */
    @Test
    void everyInjectedCommandFailureReachesTheClientWithVirtualBoxsMessage() throws Exception {
        Path disk = VboxStandIn.diskImage(box.dir.resolve("inject.vmdk"));
        ok("define", domainXml("inject", disk).toString());
        ok("start", "inject");
        // knob, the virsh command it breaks, VirtualBox's text the client must see, state after
        String[][] cases = {
            {"controlvm.pause", "suspend", "Could not suspend the machine", "running"},
            {"controlvm.reset", "reboot", "Could not reset the machine", "running"},
            {"controlvm.acpipowerbutton", "shutdown", "Controlled power off failed", "running"},
            {"controlvm.savestate", "save", "Failed to save machine state", "running"},
            {"snapshot.take", "snapshot-create-as", "lock", "running"},
            {"controlvm.poweroff", "destroy", "Failed to power off machine.", "running"},
        };
        for (String[] c : cases) {
            assertEquals(0, box.vbox.manage("setextradata", "global", "VBoxStub/Fail/" + c[0], "default:1").exit());
            Cli.Result r = c[1].equals("save")
                    ? fails("save", "inject", box.dir.resolve("inject.sav").toString())
                    : fails(c[1], "inject");
            assertTrue(r.err().contains("error: ") && r.err().contains(c[2]), c[0] + ": " + r.err());
            assertEquals(c[3], ok("domstate", "inject").out().strip(), c[0]);
        }
        ok("suspend", "inject");
        assertEquals(0, box.vbox.manage("setextradata", "global", "VBoxStub/Fail/controlvm.resume", "default:1").exit());
        assertTrue(fails("resume", "inject").err().contains("Could not resume the machine"));
        assertEquals("paused", ok("domstate", "inject").out().strip());
        ok("destroy", "inject");
        ok("undefine", "inject");
        assertFalse(box.vbox.manage("list", "vms").out().contains("\"inject\""));
    }

    /** VirtualBox's COM server unreachable for every command: each call gets its message, the daemon serves on. */
    @Test
    void unreachableVirtualBoxServiceReachesTheClient() throws Exception {
        java.util.Map<String, String> env = new java.util.HashMap<>(box.vbox.env());
        env.put("VBOXSTUB_FAIL", "list=comfail,showvminfo=comfail");
        try (VirtqemudProcess failing = VirtqemudProcess.start(box.dir.resolve("comfail"), "virtvboxd", env)) {
            Cli.Result list = Cli.virsh(uri(failing.socket()), "list", "--all");
            assertNotEquals(0, list.exit());
            assertTrue(list.err().contains("Failed to create the VirtualBox object!"), list.err());
            // virsh hides a failed lookup's cause behind "failed to get domain": ask python
            Cli.Result lookup = Cli.python("import libvirt, sys\nc = libvirt.open(sys.argv[1])\ntry:\n"
                    + "    c.lookupByName('nosuch')\nexcept libvirt.libvirtError as e:\n"
                    + "    print(e.get_error_code() != libvirt.VIR_ERR_NO_DOMAIN, e)", uri(failing.socket()));
            assertTrue(lookup.out().startsWith("True ") && lookup.out().contains("Failed to create the VirtualBox object!"),
                    lookup.all());
            assertTrue(Cli.virsh(uri(failing.socket()), "version").out().contains("VBOX"), "still serving");
        }
    }

    /** VBOXSTUB_FAIL in the daemon's environment: every storageattach fails, define leaves nothing. */
    @Test
    void environmentInjectedFailure() throws Exception {
        java.util.Map<String, String> env = new java.util.HashMap<>(box.vbox.env());
        env.put("VBOXSTUB_FAIL", "storageattach=locked");
        try (VirtqemudProcess failing = VirtqemudProcess.start(box.dir.resolve("failing"), "virtvboxd", env)) {
            Path disk = VboxStandIn.diskImage(box.dir.resolve("envfail.vmdk"));
            Cli.Result r = Cli.virsh(uri(failing.socket()), "define", domainXml("envfail", disk).toString());
            assertNotEquals(0, r.exit());
            assertTrue(r.err().contains("error: operation failed: "), r.err());
            assertFalse(box.vbox.manage("list", "vms").out().contains("envfail"));
        }
    }

    @Test
    void unknownMachineAndNoVBoxManage() throws Exception {
        assertTrue(fails("dominfo", "nosuch").err().contains("failed to get domain 'nosuch'"));
        try (VirtqemudProcess bare = VirtqemudProcess.start(box.dir.resolve("bare"), "virtvboxd",
                java.util.Map.of("PATH", "/usr/bin:/bin", "HOME", box.dir.toString()))) {
            for (int i = 0; i < 2; i++) {
                Cli.Result r = Cli.virsh(uri(bare.socket()), "version");
                assertNotEquals(0, r.exit());
                assertTrue(r.err().contains("internal error: unable to initialize VirtualBox driver API"), r.err());
            }
        }
    }
}
