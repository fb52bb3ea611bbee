package org.virtd.it.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.DaemonExtension;

/**
 * Issue 10's connection-level calls with virsh against the real virtqemud: domcapabilities with
 * and without selectors (structure, machine canonicalisation, per-machine vCPU limits, libvirt's
 * errors), cpu-models, and the node statistics commands with libvirt's field names.
 */
class HostCapabilitiesIT {
    @RegisterExtension
    static final DaemonExtension DAEMON = new DaemonExtension();

    private static Cli.Result virsh(String... args) throws Exception {
        return Cli.virsh(DAEMON.daemon().uri(), args);
    }

    private static String ok(String... args) throws Exception {
        Cli.Result r = virsh(args);
        assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.all() + "\n" + DAEMON.daemon().log());
        return r.out();
    }

    @Test
    void domainCapabilitiesDescribeTheHostsQemu() throws Exception {
        String xml = ok("domcapabilities", "--virttype", "qemu");
        for (String part : List.of("<path>/usr/bin/qemu-system-x86_64</path>", "<domain>qemu</domain>",
                "<arch>x86_64</arch>", "<vcpu max='255'/>", "<mode name='host-passthrough' supported='no'/>",
                "<mode name='maximum' supported='yes'>", "<mode name='custom' supported='yes'>",
                "<model usable='yes' vendor='unknown'>qemu64</model>", "<disk supported='yes'>",
                "<value>ide</value>", "<graphics supported='yes'>", "<value>vnc</value>", "<video supported='yes'>",
                "<memoryBacking supported='yes'>", "<backingStoreInput supported='yes'/>", "<sev supported='no'/>")) {
            assertTrue(xml.contains(part), part + " missing from\n" + xml);
        }
        assertTrue(xml.matches("(?s).*<machine>pc-i440fx-[0-9.]+</machine>.*"), xml);
        if (Files.isDirectory(Path.of("/usr/share/libvirt/cpu_map"))) {
            assertTrue(xml.matches("(?s).*<mode name='host-model' supported='yes'>\\s*<model fallback='forbid'>.*"), xml);
        }

        String q35 = ok("domcapabilities", "--machine", "q35", "--virttype", "qemu");
        assertTrue(q35.matches("(?s).*<machine>pc-q35-[0-9.]+</machine>.*"), q35);
        assertTrue(q35.contains("<vcpu max='288'/>"), q35);
        assertTrue(!q35.contains("<value>ide</value>"), q35);
    }

    @Test
    void wrongSelectorsFailAsLibvirtdDoes() throws Exception {
        Cli.Result arch = virsh("domcapabilities", "--arch", "foo");
        assertEquals(1, arch.exit());
        assertTrue(arch.err().contains("error: invalid argument: unknown architecture: foo"), arch.err());
        Cli.Result type = virsh("domcapabilities", "--virttype", "foo");
        assertTrue(type.err().contains("error: invalid argument: unknown virttype: foo"), type.err());
        Cli.Result machine = virsh("domcapabilities", "--machine", "foo");
        assertTrue(machine.err().contains(
                "error: invalid argument: the machine 'foo' is not supported by emulator '/usr/bin/qemu-system-x86_64'"),
                machine.err());
        Cli.Result bin = virsh("domcapabilities", "--emulatorbin", "/usr/bin/nope");
        assertTrue(bin.err().contains("error: Cannot check QEMU binary /usr/bin/nope: No such file or directory"),
                bin.err());
        if (!Files.exists(Path.of("/dev/kvm"))) {
            Cli.Result kvm = virsh("domcapabilities", "--virttype", "kvm");
            assertTrue(kvm.err().contains("the accel 'kvm' is not supported by '/usr/bin/qemu-system-x86_64' on this host"),
                    kvm.err());
        }
    }

    @Test
    void cpuModelsComeFromTheCpuMap() throws Exception {
        if (Files.isDirectory(Path.of("/usr/share/libvirt/cpu_map"))) {
            List<String> models = ok("cpu-models", "x86_64").lines().toList();
            assertEquals("486", models.get(0));
            assertTrue(models.contains("EPYC") && models.contains("Haswell") && models.contains("qemu64"), models.toString());
        }
        Cli.Result bad = virsh("cpu-models", "foo");
        assertTrue(bad.err().contains("error: invalid argument: cannot find architecture foo"), bad.err());
    }

    @Test
    void cpuCompareAndBaseline() throws Exception {
        if (!Files.isDirectory(Path.of("/usr/share/libvirt/cpu_map"))) {
            return;
        }
        Path host = DAEMON.prefix().resolve("cpu-host.xml");
        Files.writeString(host, "<cpu>\n  <arch>x86_64</arch>\n  <model>qemu64</model>\n</cpu>\n");
        Path intel = DAEMON.prefix().resolve("cpu-intel.xml");
        Files.writeString(intel, "<cpu mode='custom' match='exact'>\n  <model fallback='forbid'>Haswell</model>\n"
                + "  <vendor>Intel</vendor>\n</cpu>\n");
        Path guest = DAEMON.prefix().resolve("cpu-guest.xml");
        Files.writeString(guest, "<cpu mode='custom' match='exact'>\n  <model fallback='forbid'>Opteron_G2</model>\n"
                + "  <feature policy='disable' name='svm'/>\n</cpu>\n");

        // QEMU's TCG "max" CPU provides everything qemu64 has, and more
        assertTrue(ok("hypervisor-cpu-compare", "--virttype", "qemu", host.toString())
                .contains("The CPU provided by hypervisor on the host is a superset of CPU described in " + host), host.toString());
        Cli.Result vendor = virsh("hypervisor-cpu-compare", "--virttype", "qemu", "--error", intel.toString());
        if (!ok("domcapabilities", "--virttype", "qemu").contains("<vendor>Intel</vendor>")) {
            assertEquals(1, vendor.exit(), vendor.all());
            assertTrue(vendor.err().contains("error: the CPU is incompatible with host CPU: "
                    + "host CPU vendor does not match required CPU vendor Intel"), vendor.err());
        }
        assertEquals("<cpu mode='custom' match='exact'>\n  <model fallback='forbid'>qemu64</model>\n</cpu>",
                ok("cpu-baseline", host.toString()).strip());
        assertEquals("<cpu mode='custom' match='exact'>\n  <model fallback='forbid'>Opteron_G2</model>\n"
                + "  <feature policy='disable' name='svm'/>\n</cpu>",
                ok("hypervisor-cpu-baseline", "--virttype", "qemu", guest.toString()).strip());
        String expanded = ok("hypervisor-cpu-baseline", "--virttype", "qemu", "--features", guest.toString());
        assertTrue(expanded.contains("  <feature policy='require' name='apic'/>\n") && expanded.contains("name='svm'"), expanded);
        Cli.Result refused = virsh("cpu-baseline", guest.toString());
        assertTrue(refused.err().contains("error: unsupported configuration: Attribute mode is only allowed for guest CPU"),
                refused.err());
        String compare = virsh("cpu-compare", host.toString()).out();
        assertTrue(compare.contains("host CPU"), compare);
    }

    @Test
    void nodeStatisticsUseLibvirtsFieldNames() throws Exception {
        String cpu = ok("nodecpustats");
        for (String f : List.of("user:", "system:", "idle:", "iowait:")) {
            assertTrue(cpu.contains(f), cpu);
        }
        assertTrue(ok("nodecpustats", "--cpu", "0").contains("idle:"));
        assertTrue(ok("nodecpustats", "--percent").contains("usage:"));
        Cli.Result badCpu = virsh("nodecpustats", "--cpu", "4096");
        assertTrue(badCpu.err().contains("error: Invalid cpuNum in virHostCPUGetStatsLinux"), badCpu.err());

        String mem = ok("nodememstats");
        for (String f : List.of("total  :", "free   :", "buffers:", "cached :")) {
            assertTrue(mem.contains(f), mem);
        }
        Cli.Result badCell = virsh("nodememstats", "--cell", "4096");
        assertTrue(badCell.err().contains("cellNum in virHostMemGetStats must be less than or equal to"), badCell.err());

        String map = ok("nodecpumap");
        assertTrue(map.contains("CPUs present:") && map.contains("CPUs online:") && map.contains("CPU map:"), map);
        if (Files.isDirectory(Path.of("/sys/kernel/mm/ksm"))) {
            String ksm = ok("node-memory-tune");
            assertTrue(ksm.contains("shm_pages_to_scan") && ksm.contains("shm_full_scans"), ksm);
        }
    }
}
