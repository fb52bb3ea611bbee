package org.virtd.qemu.host;

import org.virtd.conf.domain.Architectures;
import org.virtd.qemu.caps.GuestCapabilities;
import org.virtd.qemu.caps.HostCapabilities;
import org.virtd.qemu.caps.MachineType;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * CONNECT_GET_CAPABILITIES: libvirt's {@code <capabilities>} document (qemu-driver.md §9) built
 * from the host facts and the probed emulators: {@code <host>} with uuid, CPU, power management,
 * NUMA topology and security models, then one {@code <guest>} per emulator with its machine
 * types (aliases right after their canonical entry) and the domain types it can run.
 */
public final class CapabilitiesXml {
    private CapabilitiesXml() {
    }

    /**
     * The {@code <secmodel>} entries: the models in order (the primary one first) and the DAC
     * base label ({@code +uid:+gid} of qemu.conf's user and group) printed for each guest type.
     */
    public record SecModels(List<String> models, String dacLabel) {
        public static final SecModels LAB = new SecModels(List.of("none", "dac"), "+0:+0");

        public SecModels {
            models = List.copyOf(models);
        }
    }

    public static String build(String hostUuid, NodeInfo node, HostCapabilities caps) {
        return build(hostUuid, node, caps, SecModels.LAB);
    }

    public static String build(String hostUuid, NodeInfo node, HostCapabilities caps, SecModels sec) {
        StringBuilder sb = new StringBuilder("<capabilities>\n\n  <host>\n");
        sb.append("    <uuid>").append(hostUuid).append("</uuid>\n");
        host(sb, node);
        secmodels(sb, sec);
        sb.append("  </host>\n\n");
        // libvirt lists guests in the order of its architecture table (i686 before x86_64)
        caps.guests().stream().sorted(Comparator.comparingInt(g -> Architectures.ordinal(g.arch())))
                .forEach(g -> guest(sb, g));
        return sb.append("</capabilities>\n").toString();
    }

    private static void host(StringBuilder sb, NodeInfo node) {
        sb.append("    <cpu>\n      <arch>").append(node.model()).append("</arch>\n");
        Optional<HostCpuModel.Model> cpu = HostCpuModel.get();
        cpu.ifPresent(c -> sb.append("      <model>").append(Xml.escape(c.decoded().model())).append("</model>\n"));
        String vendor = cpu.map(c -> c.decoded().vendor()).orElseGet(CpuFacts::vendor);
        if (vendor != null) {
            sb.append("      <vendor>").append(Xml.escape(vendor)).append("</vendor>\n");
        }
        cpu.ifPresent(c -> sb.append("      <signature family='").append(c.family()).append("' model='").append(c.model())
                .append("' stepping='").append(c.stepping()).append("'/>\n"));
        sb.append("      <topology sockets='").append(node.sockets()).append("' dies='1' cores='").append(node.cores())
                .append("' threads='").append(node.threads()).append("'/>\n");
        cpu.ifPresent(c -> {
            if (c.physAddrBits() > 0) {
                sb.append("      <maxphysaddr mode='emulate' bits='").append(c.physAddrBits()).append("'/>\n");
            }
            c.decoded().features().forEach(f -> sb.append("      <feature name='").append(Xml.escape(f.name()))
                    .append("'/>\n"));
        });
        for (long kib : HugePageSizes.kib()) {
            sb.append("      <pages unit='KiB' size='").append(kib).append("'/>\n");
        }
        sb.append("    </cpu>\n");
        sb.append("    <power_management>\n      <suspend_mem/>\n      <suspend_disk/>\n      <suspend_hybrid/>\n")
                .append("    </power_management>\n");
        sb.append("    <iommu support='no'/>\n");
        sb.append("    <migration_features>\n      <live/>\n      <uri_transports>\n")
                .append("        <uri_transport>tcp</uri_transport>\n        <uri_transport>rdma</uri_transport>\n")
                .append("      </uri_transports>\n    </migration_features>\n");
        sb.append("    <topology>\n      <cells num='1'>\n        <cell id='0'>\n")
                .append("          <memory unit='KiB'>").append(node.memoryKiB()).append("</memory>\n")
                .append("          <cpus num='").append(node.cpus()).append("'>\n");
        int perCore = Math.max(1, node.threads());
        for (int i = 0; i < node.cpus(); i++) {
            sb.append("            <cpu id='").append(i).append("' socket_id='0' die_id='0' core_id='")
                    .append(i / perCore).append("' siblings='").append(i).append("'/>\n");
        }
        sb.append("          </cpus>\n        </cell>\n      </cells>\n    </topology>\n");
    }

    private static void secmodels(StringBuilder sb, SecModels sec) {
        for (String model : sec.models()) {
            sb.append("    <secmodel>\n      <model>").append(model).append("</model>\n      <doi>0</doi>\n");
            if (model.equals("dac")) {
                sb.append("      <baselabel type='kvm'>").append(sec.dacLabel()).append("</baselabel>\n")
                        .append("      <baselabel type='qemu'>").append(sec.dacLabel()).append("</baselabel>\n");
            }
            sb.append("    </secmodel>\n");
        }
    }

    private static void guest(StringBuilder sb, GuestCapabilities e) {
        int wordsize = e.wordSize();
        sb.append("  <guest>\n    <os_type>hvm</os_type>\n");
        sb.append("    <arch name='").append(e.arch()).append("'>\n");
        sb.append("      <wordsize>").append(wordsize).append("</wordsize>\n");
        sb.append("      <emulator>").append(Xml.escape(e.emulatorPath().toString())).append("</emulator>\n");
        for (MachineType m : e.machines()) {
            if (m.name().equals("none")) {
                continue; // QEMU's machine without a board: libvirt never offers it
            }
            sb.append("      <machine maxCpus='").append(m.maxCpus()).append('\'');
            if (m.deprecated()) {
                sb.append(" deprecated='yes'");
            }
            sb.append('>').append(Xml.escape(m.name())).append("</machine>\n");
            if (m.alias() != null && !m.alias().isEmpty()) {
                sb.append("      <machine canonical='").append(Xml.escape(m.name())).append("' maxCpus='")
                        .append(m.maxCpus()).append("'>").append(Xml.escape(m.alias())).append("</machine>\n");
            }
        }
        for (String type : e.domainTypes()) {
            sb.append("      <domain type='").append(type).append("'/>\n");
        }
        sb.append("    </arch>\n    <features>\n");
        if (wordsize == 32 && e.arch().startsWith("i")) {
            sb.append("      <pae/>\n      <nonpae/>\n");
        }
        sb.append("      <acpi default='on' toggle='yes'/>\n      <apic default='on' toggle='no'/>\n")
                .append("      <cpuselection/>\n      <deviceboot/>\n      <disksnapshot default='on' toggle='no'/>\n")
                .append("    </features>\n  </guest>\n\n");
    }
}
