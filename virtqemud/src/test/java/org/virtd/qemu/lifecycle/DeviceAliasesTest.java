package org.virtd.qemu.lifecycle;

import org.junit.jupiter.api.Test;
import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.DomainXmlFormatter;
import org.virtd.qemu.domain.GuestEmulators;
import org.virtd.qemu.domain.QemuDomainDefaults;
import org.virtd.qemu.domain.QemuXmlConf;

import java.security.SecureRandom;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Aliases of a running domain's devices, as libvirtd 9.0 printed them for the same guest. */
class DeviceAliasesTest {

    private static final String XML = """
            <domain type='qemu'>
              <name>rich</name>
              <memory unit='MiB'>128</memory>
              <os><type arch='x86_64'>hvm</type><boot dev='hd'/></os>
              <devices>
                <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/d1.qcow2'/>\
            <target dev='vda' bus='virtio'/></disk>
                <disk type='file' device='disk'><source file='/d2.img'/><target dev='hdb' bus='ide'/></disk>
                <interface type='user'><model type='virtio'/></interface>
                <interface type='user'><model type='e1000'/></interface>
                <serial type='pty'/>
                <console type='pty'/>
                <input type='tablet' bus='usb'><alias name='ua-tab'/></input>
                <graphics type='vnc' autoport='yes'/>
                <memballoon model='virtio'/>
              </devices>
            </domain>
            """;

    @Test
    void everyDeviceGetsLibvirtsAliasAndUserAliasesStay() throws Exception {
        DomainDef def = new QemuDomainDefaults(GuestEmulators.builtIn(), new SecureRandom())
                .apply(QemuXmlConf.PARSER.parse(XML, false));
        String live = DomainXmlFormatter.format(DeviceAliases.assign(def), new DomainXmlFormatter.Options(1, false));
        Matcher m = Pattern.compile("<alias name='([^']+)'/>").matcher(live);
        List<String> aliases = m.results().map(r -> r.group(1)).toList();
        assertEquals(List.of("virtio-disk0", "ide0-0-1", "usb", "pci.0", "ide", "net0", "net1", "serial0", "serial0",
                "ua-tab", "input1", "input2", "video0", "balloon0"), aliases);
        String inactive = DomainXmlFormatter.format(def, DomainXmlFormatter.Options.INACTIVE);
        assertEquals(1, inactive.split("<alias ", -1).length - 1, inactive);
    }

    @Test
    void scsiDisksAreNamedByUnitOnANarrowBusAndByTargetAndUnitOnVirtioScsi() throws Exception {
        for (String[] c : new String[][] {{"lsilogic", "scsi0-0-1", "scsi1-0-0"},
                {"virtio-scsi", "scsi0-0-0-1", "scsi1-0-0-0"}}) {
            String xml = "<domain type='qemu'><name>s</name><memory unit='MiB'>128</memory>"
                    + "<os><type arch='x86_64'>hvm</type></os><devices>"
                    + "<disk type='file'><source file='/a'/><target dev='sdb' bus='scsi'/></disk>"
                    + "<disk type='file'><source file='/b'/><target dev='sdh' bus='scsi'/></disk>"
                    + "<disk type='file'><source file='/c'/><target dev='sdc' bus='sata'/></disk>"
                    + "<controller type='scsi' index='0' model='" + c[0] + "'/>"
                    + "<controller type='scsi' index='1' model='" + c[0] + "'/></devices></domain>";
            DomainDef def = DeviceAliases.assign(new QemuDomainDefaults(GuestEmulators.builtIn(), new SecureRandom())
                    .apply(QemuXmlConf.PARSER.parse(xml, false)));
            assertEquals(List.of(c[1], c[2], "sata0-0-2"),
                    def.devices().disks().stream().map(d -> d.alias()).toList());
        }
    }

    @Test
    void diskNamesToIndexes() {
        assertEquals(0, DeviceAliases.nameIndex("vda"));
        assertEquals(1, DeviceAliases.nameIndex("hdb"));
        assertEquals(26, DeviceAliases.nameIndex("sdaa"));
        assertEquals(2, DeviceAliases.nameIndex("xvdc"));
    }
}
