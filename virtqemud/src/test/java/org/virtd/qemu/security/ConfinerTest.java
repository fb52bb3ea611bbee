package org.virtd.qemu.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.SecLabel;
import org.virtd.qemu.config.QemuConf;
import org.virtd.qemu.domain.QemuXmlConf;
import org.virtd.rpc.error.VirtException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ConfinerTest {
    @TempDir
    Path dir;

    private static QemuConf conf(String user, QemuConf.Confinement c) {
        QemuConf d = QemuConf.defaults("/etc/libvirt/qemu.conf", Path.of("/var/lib/libvirt"));
        return new QemuConf(d.source(), user, user, d.securityDrivers(), d.vncListen(), d.vncAutoUnixSocket(),
                d.spiceListen(), d.stdioHandler(), d.maxProcesses(), d.maxFiles(), d.saveImageFormat(),
                d.dumpImageFormat(), d.autoDumpPath(), d.autoStartBypassCache(), d.setProcessName(),
                d.logTimestamp(), d.nvram(), c, d.cgroups());
    }

    private DomainDef guest(Path disk, Path cdrom) throws VirtException {
        return QemuXmlConf.PARSER.parse("""
                <domain type='qemu'><name>g</name><memory>65536</memory>
                  <os><type>hvm</type><kernel>%s</kernel></os>
                  <devices>
                    <disk type='file' device='disk'><source file='%s'/><target dev='vda' bus='virtio'/></disk>
                    <disk type='file' device='cdrom'><source file='%s'/><target dev='hdc' bus='ide'/><readonly/></disk>
                  </devices></domain>""".formatted(dir.resolve("vmlinuz"), disk, cdrom), false);
    }

    private static int owner(Path p) throws Exception {
        return (Integer) Files.getAttribute(p, "unix:uid");
    }

    @Test
    void filesGoToQemusAccountAndBackAndTheWrapperDropsPrivilegesLast() throws Exception {
        assumeTrue(owner(Path.of("/proc/self")) == 0, "chown needs root");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path disk = Files.writeString(dir.resolve("disk.img"), "x");
        Path cdrom = Files.writeString(dir.resolve("cd.iso"), "x");
        Files.writeString(dir.resolve("vmlinuz"), "k");
        Files.setPosixFilePermissions(disk, PosixFilePermissions.fromString("rw-------"));
        Confiner confiner = new Confiner(() -> SecurityPolicy.of(conf("+64055", QemuConf.Confinement.DEFAULT), true),
                dir.resolve("run/dac-owners"));
        DomainDef def = guest(disk, cdrom);
        Confinement c = confiner.confine(def, dir.resolve("domain-1-g"), List.of(dir.resolve("domain-1-g")));
        assertEquals(64055, owner(disk));
        assertEquals(64055, owner(cdrom));
        assertEquals(64055, owner(dir.resolve("domain-1-g")));
        assertEquals("/usr/bin/unshare", c.wrapper().get(0));
        int setpriv = c.wrapper().indexOf("/usr/bin/setpriv");
        assertTrue(setpriv > c.wrapper().indexOf("/usr/bin/unshare"), c.wrapper().toString());
        assertEquals(List.of("--reuid=64055", "--regid=64055", "--groups=64055", "--"),
                c.wrapper().subList(setpriv + 1, c.wrapper().size()));
        assertFalse(c.highPrivileges());
        assertEquals("+64055:+64055", c.account().label());

        new Confiner(() -> SecurityPolicy.of(conf("+64055", QemuConf.Confinement.DEFAULT), true),
                dir.resolve("run/dac-owners")).release(def); // a restarted daemon's: the ledger is on disk
        assertEquals(0, owner(disk));
        assertEquals(64055, owner(cdrom), "a read-only disk is left to the guests that may share it");
    }

    @Test
    void aStaticLabelWithoutRelabellingRunsQemuAsItAndLeavesTheFilesAlone() throws Exception {
        assumeTrue(owner(Path.of("/proc/self")) == 0, "chown needs root");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path disk = Files.writeString(dir.resolve("disk.img"), "x");
        Path cdrom = Files.writeString(dir.resolve("cd.iso"), "x");
        Files.writeString(dir.resolve("vmlinuz"), "k");
        Confiner confiner = new Confiner(() -> SecurityPolicy.of(conf("+64055", QemuConf.Confinement.DEFAULT), true),
                dir.resolve("run/dac-owners"));
        DomainDef def = guest(disk, cdrom).withSecLabel(new SecLabel("static", "dac", false, "+4242:+4343"));
        Confinement c = confiner.confine(def, dir.resolve("domain-2-g"), List.of(dir.resolve("domain-2-g")));
        assertEquals("+4242:+4343", c.account().label());
        assertEquals(0, owner(disk), "relabel='no': the guest's files stay as they are");
        assertEquals(4242, owner(dir.resolve("domain-2-g")), "the run's own directory is QEMU's all the same");
        int setpriv = c.wrapper().indexOf("/usr/bin/setpriv");
        assertEquals(List.of("--reuid=4242", "--regid=4343"), c.wrapper().subList(setpriv + 1, setpriv + 3));
        confiner.release(def);
        assertEquals(0, owner(disk));

        VirtException bad = assertThrows(VirtException.class, () -> confiner.confine(
                guest(disk, cdrom).withSecLabel(new SecLabel("static", "dac", true, "4242")), dir.resolve("d3"),
                List.of()));
        assertTrue(bad.getMessage().contains("Failed to parse DAC seclabel '4242'"), bad.getMessage());
    }

    @Test
    void aHotPluggedDiskIsQemusUntilItIsUnplugged() throws Exception {
        assumeTrue(owner(Path.of("/proc/self")) == 0, "chown needs root");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path disk = Files.writeString(dir.resolve("plugged.img"), "x");
        Confiner confiner = new Confiner(() -> SecurityPolicy.of(conf("+64055", QemuConf.Confinement.DEFAULT), true),
                dir.resolve("run/dac-owners"));
        confiner.labelDisk(null, disk, false);
        assertEquals(64055, owner(disk));
        confiner.releaseDisk(null, disk, false);
        assertEquals(0, owner(disk));
    }

    @Test
    void aHotPluggedDiskOfAStaticallyLabelledGuestGoesToItsLabel() throws Exception {
        assumeTrue(owner(Path.of("/proc/self")) == 0, "chown needs root");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path disk = Files.writeString(dir.resolve("plugged.img"), "x");
        Confiner confiner = new Confiner(() -> SecurityPolicy.of(conf("+64055", QemuConf.Confinement.DEFAULT), true),
                dir.resolve("run/dac-owners"));
        var labelled = guest(disk, disk).withSecLabel(new SecLabel("static", "dac", true, "+4242:+4343"));
        confiner.labelDisk(labelled, disk, false);
        assertEquals(4242, owner(disk));
        confiner.releaseDisk(labelled, disk, false);
        assertEquals(0, owner(disk));
        var untouched = guest(disk, disk).withSecLabel(new SecLabel("static", "dac", false, "+4242:+4343"));
        confiner.labelDisk(untouched, disk, false);
        assertEquals(0, owner(disk), "relabel='no' leaves it alone");
    }

    @Test
    void anUnsearchableParentIsAClearErrorAndNothingStaysChanged() throws Exception {
        assumeTrue(owner(Path.of("/proc/self")) == 0, "chown needs root");
        Path closed = Files.createDirectories(dir.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path disk = Files.writeString(dir.resolve("disk.img"), "x");
        Files.writeString(dir.resolve("vmlinuz"), "k");
        Confiner confiner = new Confiner(() -> SecurityPolicy.of(conf("+64055", QemuConf.Confinement.DEFAULT), true),
                dir.resolve("run/dac-owners"));
        VirtException e = assertThrows(VirtException.class,
                () -> confiner.confine(guest(disk, closed.resolve("cd.iso")), dir.resolve("d"), List.of()));
        assertTrue(e.getMessage().contains("Cannot access storage file '" + closed.resolve("cd.iso")
                + "' (as uid:64055, gid:64055)"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + closed + "' is not searchable"), e.getMessage());
        assertEquals(0, owner(disk), "the disk given before the failure is given back");
    }

    @Test
    void theLabConfigurationChangesNothingAndIsTainted() throws Exception {
        QemuConf.Confinement off = new QemuConf.Confinement(false, false, -1, List.of());
        Confiner confiner = new Confiner(() -> SecurityPolicy.of(conf("root", off), true), dir.resolve("o"));
        Confinement c = confiner.confine(guest(dir.resolve("nodisk"), dir.resolve("nocd")), dir.resolve("d"),
                List.of());
        assertEquals(List.of(), c.wrapper());
        assertTrue(c.highPrivileges());
        assertEquals("", c.label(), "security_driver none: no label reported");
    }

    @Test
    void aMissingDefaultUserFailsTheStartNamingQemuConf() {
        Confiner confiner = new Confiner(() -> SecurityPolicy.of(conf("no-such-user-virtd", QemuConf.Confinement.DEFAULT),
                true), dir.resolve("o"));
        VirtException e = assertThrows(VirtException.class,
                () -> confiner.confine(guest(dir.resolve("a"), dir.resolve("b")), dir.resolve("d"), List.of()));
        assertTrue(e.getMessage().contains("'user' and 'group' in /etc/libvirt/qemu.conf"), e.getMessage());
    }
}
