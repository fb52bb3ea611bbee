package org.virtd.qemu.domcaps;

import java.util.List;

import org.virtd.qemu.caps.EmulatorCapabilities;
import org.virtd.qemu.caps.ProbedFacts;
import org.virtd.qemu.cpu.CpuMap;
import org.virtd.qemu.cpu.X86Decoder;
import org.virtd.qemu.qmp.JsonObject;

/**
 * Writes the domain capabilities document of one emulator, machine and virtualisation type in
 * libvirt 9.0's element order and layout. Every "supported" verdict comes from the probe's facts
 * (QOM types, commands, display types, TPM types, CPU data) or the host's; none is assumed.
 */
public final class DomainCapsXml {
    private final CpuMap cpuMap;
    private final HostFacts host;

    public DomainCapsXml(CpuMap cpuMap) {
        this(cpuMap, HostFacts.detect());
    }

    DomainCapsXml(CpuMap cpuMap, HostFacts host) {
        this.cpuMap = cpuMap;
        this.host = host;
    }

    /**
     * @param arch     the guest arch asked for (an x86_64 emulator also serves i686)
     * @param virtType {@code qemu} or {@code kvm}
     * @param machine  canonical machine name
     * @param maxVcpus the machine's vCPU limit under this accelerator
     */
    public String format(EmulatorCapabilities emu, String arch, String virtType, String machine, int maxVcpus) {
        ProbedFacts f = emu.facts();
        String accel = virtType.equals("kvm") ? "kvm" : "tcg";
        StringBuilder x = new StringBuilder("<domainCapabilities>\n");
        x.append("  <path>").append(esc(emu.emulator().toString())).append("</path>\n");
        x.append("  <domain>").append(virtType).append("</domain>\n");
        x.append("  <machine>").append(esc(machine)).append("</machine>\n");
        x.append("  <arch>").append(arch).append("</arch>\n");
        x.append("  <vcpu max='").append(maxVcpus).append("'/>\n");
        x.append("  <iothreads supported='").append(yn(f.hasType("iothread"))).append("'/>\n");
        os(x, arch, machine);
        cpu(x, CpuModes.derive(emu, accel, cpuMap));
        x.append("  <memoryBacking supported='yes'>\n");
        enums(x, "    ", List.of(Enum.of("sourceType").addIf(f.hasType("memory-backend-file"), "file")
                .addIf(f.hasType("memory-backend-ram"), "anonymous").addIf(f.hasType("memory-backend-memfd"), "memfd").build()));
        x.append("  </memoryBacking>\n");
        x.append("  <devices>\n");
        DeviceEnums d = new DeviceEnums(f, host, emu.arch(), machine);
        device(x, "disk", d.disk());
        device(x, "graphics", d.graphics());
        device(x, "video", d.video());
        device(x, "hostdev", d.hostdev());
        device(x, "rng", d.rng());
        device(x, "filesystem", d.filesystem());
        device(x, "tpm", d.tpm());
        device(x, "redirdev", d.redirdev());
        device(x, "channel", d.channel());
        x.append("  </devices>\n");
        features(x, f, emu.arch());
        x.append("</domainCapabilities>\n");
        return x.toString();
    }

    private void os(StringBuilder x, String arch, String machine) {
        // descriptors for the guest arch asked for (not the emulator's: an x86_64 one serving i686
        // has none); without any, libvirt lists its built-in loaders that exist
        List<Firmware> fw = Firmware.matching(host.firmwareDirs(), arch, machine);
        x.append("  <os supported='yes'>\n");
        enums(x, "    ", List.of(Enum.of("firmware").addIf(fw.stream().anyMatch(w -> !w.uefi()), "bios")
                .addIf(fw.stream().anyMatch(Firmware::uefi), "efi").build()));
        x.append("    <loader supported='yes'>\n");
        (fw.isEmpty() ? Firmware.builtInLoaders() : fw.stream().map(Firmware::executable).distinct().toList())
                .forEach(p -> x.append("      <value>").append(esc(p)).append("</value>\n"));
        enums(x, "      ", List.of(Enum.of("type").add("rom").add("pflash").build(),
                Enum.of("readonly").add("yes").add("no").build(),
                Enum.of("secure").addIf(fw.stream().anyMatch(Firmware::secure), "yes").add("no").build()));
        x.append("    </loader>\n");
        x.append("  </os>\n");
    }

    private static void cpu(StringBuilder x, CpuModes c) {
        x.append("  <cpu>\n");
        mode(x, "host-passthrough", c.hostPassthrough(), "hostPassthroughMigratable");
        mode(x, "maximum", c.maximum(), "maximumMigratable");
        X86Decoder.Decoded h = c.hostModel();
        if (h == null) {
            x.append("    <mode name='host-model' supported='no'/>\n");
        } else {
            x.append("    <mode name='host-model' supported='yes'>\n");
            x.append("      <model fallback='forbid'>").append(esc(h.model())).append("</model>\n");
            if (h.vendor() != null) {
                x.append("      <vendor>").append(esc(h.vendor())).append("</vendor>\n");
            }
            for (X86Decoder.Feature feat : h.features()) {
                x.append("      <feature policy='").append(feat.policy()).append("' name='")
                        .append(esc(feat.name())).append("'/>\n");
            }
            x.append("    </mode>\n");
        }
        if (c.custom().isEmpty()) {
            x.append("    <mode name='custom' supported='no'/>\n");
        } else {
            x.append("    <mode name='custom' supported='yes'>\n");
            for (CpuModes.CustomModel m : c.custom()) {
                x.append("      <model usable='").append(yn(m.usable())).append("' vendor='").append(esc(m.vendor()))
                        .append("'>").append(esc(m.name())).append("</model>\n");
            }
            x.append("    </mode>\n");
        }
        x.append("  </cpu>\n");
    }

    private static void mode(StringBuilder x, String name, boolean supported, String migratableEnum) {
        if (!supported) {
            x.append("    <mode name='").append(name).append("' supported='no'/>\n");
            return;
        }
        x.append("    <mode name='").append(name).append("' supported='yes'>\n");
        enums(x, "      ", List.of(Enum.of(migratableEnum).add("on").add("off").build()));
        x.append("    </mode>\n");
    }

    private static void device(StringBuilder x, String name, List<Enum> enums) {
        if (enums == null) {
            x.append("    <").append(name).append(" supported='no'/>\n");
            return;
        }
        x.append("    <").append(name).append(" supported='yes'>\n");
        enums(x, "      ", enums);
        x.append("    </").append(name).append(">\n");
    }

    private static void features(StringBuilder x, ProbedFacts f, String arch) {
        x.append("  <features>\n");
        x.append("    <gic supported='no'/>\n");
        x.append("    <vmcoreinfo supported='").append(yn(f.hasType("vmcoreinfo"))).append("'/>\n");
        x.append("    <genid supported='").append(yn(f.hasType("vmgenid"))).append("'/>\n");
        x.append("    <backingStoreInput supported='").append(yn(f.hasCommand("blockdev-add"))).append("'/>\n");
        x.append("    <backup supported='").append(yn(f.hasCommand("blockdev-backup")
                && f.hasCommand("block-dirty-bitmap-merge"))).append("'/>\n");
        sev(x, f);
        sgx(x, f);
        if (arch.equals("x86_64") || arch.equals("i686")) {
            x.append("    <hyperv supported='yes'>\n");
            enums(x, "      ", List.of(Enum.of("features").add("spinlocks").add("vendor_id").build()));
            x.append("    </hyperv>\n");
        }
        x.append("  </features>\n");
    }

    private static void sev(StringBuilder x, ProbedFacts f) {
        if (f.sev().isEmpty()) {
            x.append("    <sev supported='no'/>\n");
            return;
        }
        JsonObject s = f.sev().get();
        x.append("    <sev supported='yes'>\n");
        x.append("      <cbitpos>").append(s.number("cbitpos", 0)).append("</cbitpos>\n");
        x.append("      <reducedPhysBits>").append(s.number("reduced-phys-bits", 0)).append("</reducedPhysBits>\n");
        x.append("    </sev>\n");
    }

    private static void sgx(StringBuilder x, ProbedFacts f) {
        if (f.sgx().isEmpty()) {
            x.append("    <sgx supported='no'/>\n");
            return;
        }
        JsonObject s = f.sgx().get();
        x.append("    <sgx supported='yes'>\n");
        x.append("      <flc>").append(yn(s.bool("flc", false))).append("</flc>\n");
        x.append("      <sgx1>").append(yn(s.bool("sgx1", false))).append("</sgx1>\n");
        x.append("      <sgx2>").append(yn(s.bool("sgx2", false))).append("</sgx2>\n");
        long total = 0;
        StringBuilder sections = new StringBuilder();
        for (JsonObject sec : s.array("sections").objects()) {
            long kib = sec.number("size", 0) / 1024;
            total += kib;
            sections.append("        <section node='").append(sec.number("node", 0)).append("' size='").append(kib)
                    .append("' unit='KiB'/>\n");
        }
        x.append("      <section_size unit='KiB'>").append(total).append("</section_size>\n");
        x.append("      <sections>\n").append(sections).append("      </sections>\n");
        x.append("    </sgx>\n");
    }

    private static void enums(StringBuilder x, String indent, List<Enum> enums) {
        for (Enum e : enums) {
            if (e.values().isEmpty()) {
                x.append(indent).append("<enum name='").append(e.name()).append("'/>\n");
                continue;
            }
            x.append(indent).append("<enum name='").append(e.name()).append("'>\n");
            for (String v : e.values()) {
                x.append(indent).append("  <value>").append(esc(v)).append("</value>\n");
            }
            x.append(indent).append("</enum>\n");
        }
    }

    private static String yn(boolean b) {
        return b ? "yes" : "no";
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
