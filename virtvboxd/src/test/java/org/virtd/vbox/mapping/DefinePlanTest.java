package org.virtd.vbox.mapping;

import org.junit.jupiter.api.Test;
import org.virtd.conf.domain.DomainDef;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DefinePlanTest {
    static final UUID U = UUID.fromString("11111111-2222-3333-4444-555555555555");

    static DomainDef parse(String devices) throws VirtException {
        return VBoxXmlConf.PARSER.parse("<domain type='vbox'><name>a/b</name><memory unit='KiB'>262145</memory>"
                + "<vcpu>2</vcpu><os><type>hvm</type><boot dev='cdrom'/><boot dev='hd'/></os>"
                + "<features><acpi/><pae/></features><devices>" + devices + "</devices></domain>", false);
    }

    @Test
    void stepsOfADiskADvdAndANatNic() throws VirtException {
        DefinePlan plan = DefinePlan.of(parse("<disk type='file' device='disk'><source file='/i/d.vdi'/>"
                + "<target dev='sdb' bus='sata'/><readonly/></disk>"
                + "<disk type='file' device='cdrom'><target dev='hdc' bus='ide'/></disk>"
                + "<interface type='user'><mac address='08:00:27:aa:bb:cc'/></interface>"), U);
        assertEquals(List.of("createvm", "--name", "a/b", "--uuid", U.toString(), "--register"), plan.create());
        List<String> modify = plan.configure().get(0);
        String joined = String.join(" ", modify);
        assertTrue(joined.startsWith("modifyvm " + U + " --memory 257 --cpus 2 --acpi on --ioapic off --pae on"
                + " --boot1 dvd --boot2 disk --boot3 none --boot4 none --nic1 nat --nictype1 Am79C973"
                + " --macaddress1 080027AABBCC --nic2 none"), joined);
        assertEquals(List.of("storagectl", U.toString(), "--name", "SATA Controller", "--add", "sata", "--controller",
                "IntelAhci"), plan.configure().get(1));
        assertEquals(List.of("storagectl", U.toString(), "--name", "IDE Controller", "--add", "ide", "--controller",
                "PIIX4"), plan.configure().get(2));
        assertEquals(List.of("storageattach", U.toString(), "--storagectl", "SATA Controller", "--port", "1",
                "--device", "0", "--type", "hdd", "--medium", "/i/d.vdi", "--mtype", "immutable"),
                plan.configure().get(3));
        assertEquals(List.of("storageattach", U.toString(), "--storagectl", "IDE Controller", "--port", "1",
                "--device", "0", "--type", "dvddrive", "--medium", "emptydrive"), plan.configure().get(4));
    }

    @Test
    void refusedBeforeAnythingIsCreated() {
        VirtException virtio = assertThrows(VirtException.class, () -> DefinePlan.of(parse(
                "<disk type='file' device='disk'><source file='/d'/><target dev='vda' bus='virtio'/></disk>"), U));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, virtio.code());
        assertEquals("unsupported configuration: The vbox driver does not support virtio bus type", virtio.getMessage());
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, assertThrows(VirtException.class, () -> DefinePlan.of(parse(
                "<interface type='user'><model type='e1000'/></interface>"), U)).code());
    }

    @Test
    void sasControllerNamesItsDisks() throws VirtException {
        DefinePlan plan = DefinePlan.of(parse("<controller type='scsi' index='0' model='lsisas1068'/>"
                + "<disk type='file' device='disk'><source file='/d'/><target dev='sda' bus='scsi'/></disk>"), U);
        assertEquals(List.of("storagectl", U.toString(), "--name", "SAS Controller", "--add", "sas", "--controller",
                "LsiLogicSas"), plan.configure().get(1));
        assertEquals("SAS Controller", plan.configure().get(2).get(3));
    }
}
