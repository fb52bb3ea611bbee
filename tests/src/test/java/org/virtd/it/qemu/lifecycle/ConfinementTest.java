package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.LabQemuConf;
import org.virtd.it.harness.VirtqemudProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * QEMU confined as libvirtd confines it when qemu.conf leaves the defaults: it runs as the
 * unprivileged account with the seccomp sandbox and a private /dev; its disk (root's, 0600) is
 * QEMU's while it runs and root's again after destroy, also when the daemon was SIGKILLed and
 * restarted in between; a parent directory QEMU cannot search fails the start with a clear
 * error; a hot-plugged disk is given to QEMU and back too; the domain log has no
 * high-privileges taint. Without a {@code libvirt-qemu} account on
 * the host (the CI script creates one) the same runs with {@code +64055:+64055} named in qemu.conf.
 */
class ConfinementTest {
    private static final String NAME = "confined";

    @TempDir
    Path prefix;
    VirtqemudProcess daemon;

    @AfterEach
    void cleanUp() {
        Guests.cleanUp(prefix, daemon);
    }

    private static int owner(Path p) throws IOException {
        return (Integer) Files.getAttribute(p, "unix:uid");
    }

    private static Map<String, String> status(long pid) throws IOException {
        Map<String, String> out = new java.util.HashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            int colon = line.indexOf(':');
            out.put(line.substring(0, colon), line.substring(colon + 1).trim());
        }
        return out;
    }

    /**
     * The default confinement (an empty qemu.conf, or only the account where the host has no
     * libvirt-qemu), a prefix QEMU's account may search, and our own copies of the kernel and
     * initrd, which are given to QEMU too; returns the directory of the copies.
     */
    private Path defaultConfiguration(TinyGuest guest) throws Exception {
        // mktemp's 0700 would keep QEMU's account out of everything below the prefix
        Files.setPosixFilePermissions(prefix, PosixFilePermissions.fromString("rwxr-xr-x"));
        boolean hostHasUser = Cli.run(List.of("getent", "passwd", "libvirt-qemu"), 10).exit() == 0;
        Files.createDirectories(LabQemuConf.file(prefix).getParent());
        Files.writeString(LabQemuConf.file(prefix), hostHasUser ? "" : "user = \"+64055\"\ngroup = \"+64055\"\n");
        Path images = Files.createDirectories(prefix.resolve("images"));
        for (String f : List.of("vmlinuz", "initrd.img")) {
            Files.copy(guest.dir().resolve(f), images.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        return images;
    }

    @Test
    @Timeout(420) // may first build the test guest, which TinyGuest bounds at 300 s
    void defaultConfigRunsQemuUnprivilegedSandboxedWithItsOwnDevAndGivesFilesBack() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "confinement needs a system daemon");
        TinyGuest guest = TinyGuest.get();
        Path images = defaultConfiguration(guest);
        Path disk = images.resolve("disk.img");
        Files.write(disk, new byte[1 << 20]);
        Files.setPosixFilePermissions(disk, PosixFilePermissions.fromString("rw-------"));
        String xml = guest.xml(NAME, prefix).replace(guest.dir().toString(), images.toString()).replace("<devices>\n", "<devices>\n"
                + "    <disk type='file' device='disk'><driver name='qemu' type='raw'/>"
                + "<source file='" + disk + "'/><target dev='vda' bus='virtio'/></disk>\n");
        Path xmlFile = Files.writeString(prefix.resolve(NAME + ".xml"), xml);

        daemon = VirtqemudProcess.start(prefix);
        String uri = daemon.uri();
        ok(uri, "define", xmlFile.toString());
        ok(uri, "start", NAME);
        TinyGuest.awaitBoots(prefix, NAME, 1, Duration.ofSeconds(60));
        long pid = Long.parseLong(Files.readString(daemon.runDir().resolve("qemu/" + NAME + ".pid")).trim());
        Map<String, String> st = status(pid);
        int uid = Integer.parseInt(st.get("Uid").split("\\s+")[0]);
        assertNotEquals(0, uid, st.toString());
        assertNotEquals("0", st.get("Gid").split("\\s+")[0], st.toString());
        assertEquals("0000000000000000", st.get("CapEff"), st.toString());
        assertEquals("2", st.get("Seccomp"), st.toString());
        Object hostDev = Files.getAttribute(Path.of("/dev"), "unix:dev");
        Object guestDev = Files.getAttribute(Path.of("/proc/" + pid + "/root/dev"), "unix:dev");
        assertNotEquals(hostDev, guestDev, "QEMU's /dev is its own tmpfs");
        assertTrue(Files.exists(Path.of("/proc/" + pid + "/root/dev/null")));
        assertEquals(uid, owner(disk), "the disk is QEMU's while it runs");
        String cmdline = Files.readString(Path.of("/proc/" + pid + "/cmdline")).replace('\0', ' ');
        assertTrue(cmdline.contains(" -sandbox on,obsolete=deny,elevateprivileges=deny,spawn=deny,"
                + "resourcecontrol=deny -msg timestamp=on"), cmdline);
        assertTrue(ok(uri, "dumpxml", NAME).out().contains("<label>+" + uid + ":+"), "live XML names the DAC label");
        String log = Files.readString(prefix.resolve("var/log/libvirt/qemu/" + NAME + ".log"));
        assertFalse(log.contains("tainted: high-privileges"), log);

        Path plugged = images.resolve("plugged.img");
        Files.write(plugged, new byte[1 << 20]);
        Files.setPosixFilePermissions(plugged, PosixFilePermissions.fromString("rw-------"));
        ok(uri, "attach-disk", NAME, plugged.toString(), "vdb", "--targetbus", "virtio");
        assertEquals(uid, owner(plugged), "a hot-plugged disk is QEMU's before QEMU opens it");

        // a copy QEMU writes is its account's too; the pivot gives the old image back at once
        Path copy = images.resolve("copy.img");
        ok(uri, "blockcopy", NAME, "vdb", copy.toString(), "--wait", "--pivot", "--transient-job");
        assertEquals(uid, owner(copy), "the copy is QEMU's while it is the disk");
        assertEquals(0, owner(plugged), "the image left by the pivot is root's again");

        // the guest's own cgroup (v1 here) follows memtune
        Path memory = Path.of("/sys/fs/cgroup/memory");
        if (Files.isRegularFile(memory.resolve("cgroup.procs"))) {
            String id = ok(uri, "domid", NAME).out().strip();
            String group = "machine/qemu-" + id + "-" + NAME + ".libvirt-qemu";
            assertTrue(Files.readString(Path.of("/proc/" + pid + "/cgroup")).contains(":memory:/" + group + "\n"));
            ok(uri, "memtune", NAME, "--hard-limit", "262144");
            assertEquals("268435456", Files.readString(memory.resolve(group).resolve("memory.limit_in_bytes")).strip());
        }

        daemon.kill();
        daemon.restart();
        ok(uri, "destroy", NAME);
        assertEquals(0, owner(disk), "root's again after destroy, across a daemon restart");
        assertEquals(0, owner(copy), "the copy that replaced the hot-plugged one too");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(disk)));
        assertEquals(0, owner(images.resolve("vmlinuz")));

        Files.setPosixFilePermissions(images, PosixFilePermissions.fromString("rwx------"));
        Cli.Result refused = Cli.run(List.of("virsh", "-c", uri, "start", NAME), 60);
        assertNotEquals(0, refused.exit());
        assertTrue(refused.err().contains("Cannot access storage file") && refused.err().contains("(as uid:" + uid)
                && refused.err().contains("is not searchable"), refused.err());
        assertEquals(0, owner(disk), "nothing stays changed after a refused start");
    }

    @Test
    @Timeout(420)
    void aStaticLabelRunsQemuAsTheAccountItNamesAndLeavesTheFilesAlone() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "confinement needs a system daemon");
        TinyGuest guest = TinyGuest.get();
        Path images = defaultConfiguration(guest);
        String name = "labelled";
        // relabel='no': what QEMU uses must already be open to the account the label names
        Path disk = images.resolve("shared.img");
        Files.write(disk, new byte[1 << 20]);
        Files.setPosixFilePermissions(disk, PosixFilePermissions.fromString("rw-rw-rw-"));
        Path console = Files.writeString(prefix.resolve(name + ".console"), "");
        Files.setPosixFilePermissions(console, PosixFilePermissions.fromString("rw-rw-rw-"));
        String xml = guest.xml(name, prefix).replace(guest.dir().toString(), images.toString())
                .replace("<devices>\n", "<devices>\n    <disk type='file' device='disk'><driver name='qemu' type='raw'/>"
                        + "<source file='" + disk + "'/><target dev='vda' bus='virtio'/></disk>\n")
                .replace("</domain>", "  <seclabel type='static' model='dac' relabel='no'><label>+4242:+4242</label>"
                        + "</seclabel>\n</domain>");
        Path xmlFile = Files.writeString(prefix.resolve(name + ".xml"), xml);

        daemon = VirtqemudProcess.start(prefix);
        String uri = daemon.uri();
        ok(uri, "define", xmlFile.toString());
        ok(uri, "start", name);
        TinyGuest.awaitBoots(prefix, name, 1, Duration.ofSeconds(60));
        long pid = Long.parseLong(Files.readString(daemon.runDir().resolve("qemu/" + name + ".pid")).trim());
        Map<String, String> st = status(pid);
        assertEquals("4242", st.get("Uid").split("\\s+")[0], st.toString());
        assertEquals("4242", st.get("Gid").split("\\s+")[0], st.toString());
        assertEquals(0, owner(disk), "relabel='no' leaves the disk's owner alone");
        assertTrue(ok(uri, "dumpxml", name).out().contains("<label>+4242:+4242</label>"));
        ok(uri, "destroy", name);
        assertEquals(0, owner(disk));
    }
}
