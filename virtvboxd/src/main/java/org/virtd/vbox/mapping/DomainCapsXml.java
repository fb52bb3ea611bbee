package org.virtd.vbox.mapping;

import java.util.List;

/**
 * The domain capabilities document of a vbox domain (virConnectGetDomainCapabilities, which
 * libvirt 9.0's vbox driver lacks), in libvirt's domainCapabilities layout and enum order, saying
 * only what this driver maps (vbox-driver.md §4–5): file disks as disk/cdrom/floppy on the
 * ide/fdc/scsi/sata buses, sdl/rdp/desktop displays, the vbox video model, shared folders as
 * mount filesystems; no emulator, machine types, firmware choice, CPU modes or host devices.
 */
public final class DomainCapsXml {
    private DomainCapsXml() {
    }

    public static String format(String arch, int maxVcpus) {
        StringBuilder x = new StringBuilder("<domainCapabilities>\n");
        x.append("  <domain>vbox</domain>\n");
        x.append("  <arch>").append(arch).append("</arch>\n");
        x.append("  <vcpu max='").append(maxVcpus).append("'/>\n");
        x.append("  <iothreads supported='no'/>\n");
        x.append("  <os supported='yes'>\n");
        enumeration(x, "    ", "firmware", List.of());
        x.append("    <loader supported='no'/>\n");
        x.append("  </os>\n");
        x.append("  <cpu>\n");
        for (String mode : List.of("host-passthrough", "maximum", "host-model", "custom")) {
            x.append("    <mode name='").append(mode).append("' supported='no'/>\n");
        }
        x.append("  </cpu>\n");
        x.append("  <memoryBacking supported='no'/>\n");
        x.append("  <devices>\n");
        x.append("    <disk supported='yes'>\n");
        enumeration(x, "      ", "diskDevice", List.of("disk", "cdrom", "floppy"));
        enumeration(x, "      ", "bus", List.of("ide", "fdc", "scsi", "sata"));
        enumeration(x, "      ", "model", List.of());
        x.append("    </disk>\n");
        x.append("    <graphics supported='yes'>\n");
        enumeration(x, "      ", "type", List.of("sdl", "rdp", "desktop"));
        x.append("    </graphics>\n");
        x.append("    <video supported='yes'>\n");
        enumeration(x, "      ", "modelType", List.of("vbox"));
        x.append("    </video>\n");
        x.append("    <hostdev supported='no'/>\n");
        x.append("    <rng supported='no'/>\n");
        x.append("    <filesystem supported='yes'>\n");
        enumeration(x, "      ", "driverType", List.of());
        x.append("    </filesystem>\n");
        x.append("    <tpm supported='no'/>\n");
        x.append("    <redirdev supported='no'/>\n");
        x.append("    <channel supported='no'/>\n");
        x.append("    <crypto supported='no'/>\n");
        x.append("  </devices>\n");
        x.append("  <features>\n");
        for (String f : List.of("gic", "vmcoreinfo", "genid", "backingStoreInput", "backup", "async-teardown",
                "sev", "sgx")) {
            x.append("    <").append(f).append(" supported='no'/>\n");
        }
        x.append("  </features>\n");
        return x.append("</domainCapabilities>\n").toString();
    }

    private static void enumeration(StringBuilder x, String indent, String name, List<String> values) {
        if (values.isEmpty()) {
            x.append(indent).append("<enum name='").append(name).append("'/>\n");
            return;
        }
        x.append(indent).append("<enum name='").append(name).append("'>\n");
        for (String v : values) {
            x.append(indent).append("  <value>").append(v).append("</value>\n");
        }
        x.append(indent).append("</enum>\n");
    }
}
