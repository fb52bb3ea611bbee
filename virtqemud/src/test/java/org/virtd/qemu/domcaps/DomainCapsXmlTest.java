package org.virtd.qemu.domcaps;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.qemu.caps.EmulatorCapabilities;
import org.virtd.qemu.caps.MachineType;
import org.virtd.qemu.caps.ProbedFacts;
import org.virtd.qemu.cpu.CpuMap;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.JsonParser;

/**
 * Domain capabilities from a recorded probe of Debian's QEMU 7.2 (qemu-system-x86_64 under TCG,
 * QOM types and commands trimmed to those domain capabilities look at).
 */
class DomainCapsXmlTest {
    @TempDir
    Path tmp;

    private static EmulatorCapabilities recorded() throws Exception {
        try (InputStream in = DomainCapsXmlTest.class.getResourceAsStream("/domcaps/qemu-7.2-x86_64-tcg-facts.json")) {
            JsonObject o = JsonParser.parseObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            List<MachineType> machines = List.of(new MachineType("pc-i440fx-7.2", "pc", true, 255, false),
                    new MachineType("pc-q35-7.2", "q35", false, 288, false));
            return new EmulatorCapabilities(Path.of("/usr/bin/qemu-system-x86_64"), "x86_64", 7002022, "", false,
                    machines, new ProbedFacts(o.object("facts")));
        }
    }

    private String format(CpuMap map, HostFacts host, String machine, int max) throws Exception {
        return new DomainCapsXml(map, host).format(recorded(), "x86_64", "qemu", machine, max);
    }

    @Test
    void devicesAndFeaturesFollowTheProbedFacts() throws Exception {
        String x = format(CpuMap.empty(), new HostFacts(false, false, List.of()), "pc-i440fx-7.2", 255);
        for (String part : List.of("<domainCapabilities>\n  <path>/usr/bin/qemu-system-x86_64</path>\n  <domain>qemu</domain>\n"
                        + "  <machine>pc-i440fx-7.2</machine>\n  <arch>x86_64</arch>\n  <vcpu max='255'/>\n"
                        + "  <iothreads supported='yes'/>\n  <os supported='yes'>\n    <enum name='firmware'/>\n",
                "<enum name='secure'>\n        <value>no</value>\n      </enum>",
                "<mode name='host-passthrough' supported='no'/>",
                "<mode name='maximum' supported='yes'>\n      <enum name='maximumMigratable'>",
                "<mode name='host-model' supported='no'/>", "<mode name='custom' supported='no'/>",
                "<value>file</value>\n      <value>anonymous</value>\n      <value>memfd</value>",
                "<value>ide</value>\n        <value>fdc</value>\n        <value>scsi</value>\n        <value>virtio</value>\n"
                        + "        <value>usb</value>\n        <value>sata</value>",
                "<value>sdl</value>\n        <value>vnc</value>\n        <value>spice</value>\n"
                        + "        <value>egl-headless</value>\n        <value>dbus</value>",
                "<enum name='capsType'/>\n      <enum name='pciBackend'/>",
                "<enum name='backendModel'>\n        <value>passthrough</value>\n      </enum>",
                "<value>path</value>\n        <value>handle</value>\n        <value>virtiofs</value>",
                "<gic supported='no'/>\n    <vmcoreinfo supported='yes'/>\n    <genid supported='yes'/>\n"
                        + "    <backingStoreInput supported='yes'/>\n    <backup supported='yes'/>\n"
                        + "    <sev supported='no'/>\n    <sgx supported='no'/>\n")) {
            assertTrue(x.contains(part), part + "\nmissing from\n" + x);
        }
    }

    @Test
    void q35HasNoBuiltInIdeAndHostFactsAddVfioAndSwtpm() throws Exception {
        String x = format(CpuMap.empty(), new HostFacts(true, true, List.of()), "pc-q35-7.2", 288);
        assertFalse(x.contains("<value>ide</value>"), x);
        assertTrue(x.contains("<vcpu max='288'/>"), x);
        assertTrue(x.contains("<enum name='pciBackend'>\n        <value>default</value>\n        <value>vfio</value>"), x);
        assertTrue(x.contains("<value>passthrough</value>\n        <value>emulator</value>"), x);
    }

    @Test
    void firmwareDescriptorsOfferLoadersForMatchingMachines() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("firmware"));
        Files.writeString(dir.resolve("50-ovmf-secure.json"), """
                {"interface-types": ["uefi"],
                 "mapping": {"device": "flash", "executable": {"filename": "/usr/share/OVMF/OVMF_CODE_4M.secboot.fd"}},
                 "targets": [{"architecture": "x86_64", "machines": ["pc-q35-*"]}],
                 "features": ["secure-boot", "requires-smm", "enrolled-keys"]}
                """);
        Files.writeString(dir.resolve("60-ovmf.json"), """
                {"interface-types": ["uefi"],
                 "mapping": {"device": "flash", "executable": {"filename": "/usr/share/OVMF/OVMF_CODE_4M.fd"}},
                 "targets": [{"architecture": "x86_64", "machines": ["pc-i440fx-*", "pc-q35-*"]}],
                 "features": []}
                """);
        HostFacts host = new HostFacts(false, false, List.of(dir));
        String q35 = format(CpuMap.empty(), host, "pc-q35-7.2", 288);
        assertTrue(q35.contains("<enum name='firmware'>\n      <value>efi</value>\n    </enum>"), q35);
        assertTrue(q35.contains("<loader supported='yes'>\n      <value>/usr/share/OVMF/OVMF_CODE_4M.secboot.fd</value>\n"
                + "      <value>/usr/share/OVMF/OVMF_CODE_4M.fd</value>\n"), q35);
        assertTrue(q35.contains("<enum name='secure'>\n        <value>yes</value>\n        <value>no</value>"), q35);
        String pc = format(CpuMap.empty(), host, "pc-i440fx-7.2", 255);
        assertFalse(pc.contains("secboot"), pc);
        assertTrue(pc.contains("<enum name='secure'>\n        <value>no</value>"), pc);
    }

    @Test
    void cpuModesFromLibvirtsCpuMap() throws Exception {
        assumeTrue(Files.isDirectory(CpuMap.DEFAULT_DIR), "libvirt's cpu_map is not installed");
        String x = format(CpuMap.load(CpuMap.DEFAULT_DIR), new HostFacts(false, false, List.of()), "pc-i440fx-7.2", 255);
        // what libvirtd 9.0 reports for this QEMU's TCG max CPU
        assertTrue(x.contains("<mode name='host-model' supported='yes'>\n      <model fallback='forbid'>EPYC</model>\n"
                + "      <vendor>AMD</vendor>\n      <feature policy='require' name='acpi'/>\n"
                + "      <feature policy='require' name='ss'/>\n      <feature policy='require' name='monitor'/>\n"), x);
        assertTrue(x.contains("<feature policy='disable' name='topoext'/>\n      <feature policy='disable' name='nrip-save'/>\n"
                + "    </mode>"), x);
        assertTrue(x.contains("<mode name='custom' supported='yes'>\n      <model usable='yes' vendor='unknown'>qemu64</model>\n"
                + "      <model usable='yes' vendor='unknown'>qemu32</model>\n      <model usable='no' vendor='AMD'>phenom</model>\n"), x);
        assertFalse(x.contains(">KnightsMill<"), "models the CPU map does not know are left out");
    }
}
