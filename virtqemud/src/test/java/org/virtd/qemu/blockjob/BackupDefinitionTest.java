package org.virtd.qemu.blockjob;

import org.junit.jupiter.api.Test;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.domain.QemuXmlConf;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The backup document: parsing, libvirtd's refusals, alignment with the guest's disks, and the dump. */
class BackupDefinitionTest {
    private static final DomainDef GUEST = guest();

    private static DomainDef guest() {
        try {
            return QemuXmlConf.PARSER.parse("<domain type='qemu'><name>g</name><memory>65536</memory>"
                    + "<os><type>hvm</type></os><devices>"
                    + "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='/i/a.qcow2'/>"
                    + "<target dev='vda' bus='virtio'/></disk>"
                    + "<disk type='file' device='disk'><source file='/i/b.raw'/><target dev='vdb' bus='virtio'/></disk>"
                    + "<disk type='file' device='cdrom'><target dev='sda' bus='sata'/><readonly/></disk>"
                    + "</devices></domain>", false);
        } catch (VirtException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aBackupWithoutDisksTakesEveryWritableDiskWithMedia() throws VirtException {
        List<BackupXml.Asked> all = BackupAlign.disks(BackupXml.parse("<domainbackup/>"), GUEST, "77");
        assertEquals(List.of("vda", "vdb", "sda"), all.stream().map(BackupXml.Asked::name).toList());
        assertEquals("/i/a.qcow2.77", all.get(0).file());
        assertEquals("qcow2", all.get(1).format());
        assertEquals(BackupXml.FULL, all.get(0).mode());
        assertEquals(Boolean.FALSE, all.get(2).backup());
    }

    @Test
    void namedDisksComeFirstAndTheCheckpointMakesThemIncremental() throws VirtException {
        List<BackupXml.Asked> all = BackupAlign.disks(BackupXml.parse("<domainbackup><incremental>c1</incremental>"
                + "<disks><disk name='vdb' type='file'><target file='/o/b'/></disk></disks></domainbackup>"), GUEST, "1");
        assertEquals(List.of("vdb", "vda", "sda"), all.stream().map(BackupXml.Asked::name).toList());
        assertEquals(BackupXml.INCREMENTAL, all.get(0).mode());
        assertEquals("c1", all.get(0).incremental());
        assertEquals(Boolean.FALSE, all.get(1).backup(), "not named, so left out");
    }

    @Test
    void refusalsAreLibvirtds() {
        assertEquals(ErrorCode.XML_INVALID_SCHEMA, refusal("<domainbackup><server transport='unix' socket='/s'/>"
                + "<disks><disk name='vda' type='file'/></disks></domainbackup>"));
        assertEquals(ErrorCode.XML_INVALID_SCHEMA, refusal("<domainbackup mode='pull'><disks><disk name='vda' "
                + "type='file'/></disks></domainbackup>"));
        assertEquals(ErrorCode.XML_INVALID_SCHEMA, refusal("<domainbackup mode='pull'><server transport='unix' "
                + "socket='/s'/><disks><disk name='vda' type='file'><driver type='raw'/></disk></disks></domainbackup>"));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, refusal("<domainbackup mode='fetch'/>"));
        VirtException e = assertThrows(VirtException.class, () -> BackupAlign.disks(BackupXml.parse(
                "<domainbackup><disks><disk name='vda' backupmode='incremental'/></disks></domainbackup>"), GUEST, "1"));
        assertTrue(e.getMessage().contains("requires setting 'incremental' field"), e.getMessage());
        e = assertThrows(VirtException.class, () -> BackupAlign.server(BackupXml.parse(
                "<domainbackup mode='pull'><server name='localhost'/><disks/></domainbackup>")));
        assertTrue(e.getMessage().contains("must specify TCP port"), e.getMessage());
    }

    private static ErrorCode refusal(String xml) {
        return assertThrows(VirtException.class, () -> BackupXml.parse(xml)).error().code();
    }

    @Test
    void aPullBackupIsShownWithItsServerScratchAndExport() throws VirtException {
        BackupXml.Parsed p = BackupXml.parse("<domainbackup mode='pull'><incremental>c1</incremental>"
                + "<server transport='unix' socket='/run/b.sock'/><disks><disk name='vda' type='file'>"
                + "<scratch file='/s/a'/></disk></disks></domainbackup>");
        assertEquals("/s/a", p.disks().get(0).file());
        String xml = BackupXml.format(p.mode(), p.incremental(), BackupAlign.server(p), List.of(
                new BackupXml.Disk("vda", true, "incremental", "c1", "vda", "backup-vda", 4, "qcow2", "/s/a"),
                BackupXml.Disk.skipped("sda")));
        assertEquals("<domainbackup mode='pull'>\n"
                + "  <incremental>c1</incremental>\n"
                + "  <server transport='unix' socket='/run/b.sock'/>\n"
                + "  <disks>\n"
                + "    <disk name='vda' backup='yes' type='file' backupmode='incremental' incremental='c1' "
                + "exportname='vda' exportbitmap='backup-vda' index='4'>\n"
                + "      <driver type='qcow2'/>\n"
                + "      <scratch file='/s/a'/>\n"
                + "    </disk>\n"
                + "    <disk name='sda' backup='no'/>\n"
                + "  </disks>\n"
                + "</domainbackup>\n", xml);
    }
}
