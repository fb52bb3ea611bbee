package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Anchor;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * {@code virt-install --import} of an existing qcow2 disk creates and boots a guest on virtqemud.
 * virt-install looks the disk up as a storage volume and, not finding one, defines a directory
 * pool for the disk's directory; so, as with libvirt's own virtqemud, a storage daemon must serve
 * {@code virtstoraged-sock} in the run directory. The test gives it libvirt's storage driver:
 * libvirtd 9.0 (the anchor) answers on that socket, reached through virtqemud's secondary
 * connection. Without a storage daemon the volume lookup answers "not found" (checked too).
 */
class VirtInstallImportTest {
    private static final String NAME = "imported";

    @TempDir
    static Path prefix;
    static VirtqemudProcess daemon;
    static Anchor storage;
    static String uri;
    static String pool;

    @BeforeAll
    static void start() throws Exception {
        Cli.requireTool("virt-install");
        Cli.requireTool("qemu-img");
        daemon = VirtqemudProcess.start(prefix.resolve("vq"));
        uri = daemon.uri();
    }

    @AfterAll
    static void stop() throws Exception {
        if (daemon != null) {
            Cli.virsh(uri, "destroy", NAME);
            Cli.virsh(uri, "undefine", NAME);
            if (pool != null && storage != null) {
                Cli.virsh(uri, "pool-destroy", pool);
                Cli.virsh(uri, "pool-undefine", pool);
            }
            daemon.close();
        }
        Guests.killQemusUnder(prefix);
        if (storage != null) {
            storage.close();
        }
    }

    @Test
    void importsAnExistingDiskAndBoots() throws Exception {
        TinyGuest guest = TinyGuest.get();
        Path disks = Files.createDirectories(prefix.resolve("disks"));
        Path disk = disks.resolve("existing.qcow2");
        Cli.Result img = Cli.run(List.of("qemu-img", "create", "-f", "qcow2", disk.toString(), "64M"), 60);
        assertEquals(0, img.exit(), img.all());

        Cli.Result unmanaged = Cli.virsh(uri, "vol-info", disk.toString());
        assertTrue(unmanaged.err().contains("Storage volume not found: no storage vol with matching path '" + disk + "'"),
                unmanaged.all());

        storage = Anchor.start(prefix.resolve("anchor"));
        Files.createSymbolicLink(daemon.runDir().resolve("virtstoraged-sock"), storage.socketDir().resolve("libvirt-sock"));
        pool = disks.getFileName().toString();
        Path console = prefix.resolve(NAME + ".console");
        Cli.Result install = Cli.run(List.of("virt-install", "--connect", uri, "--name", NAME, "--memory", "128",
                "--vcpus", "1", "--import", "--disk", "path=" + disk, "--osinfo", "detect=on,require=off",
                "--network", "user", "--graphics", "vnc", "--noautoconsole", "--virt-type", "qemu",
                "--serial", "pty,log.file=" + console,
                "--boot", "kernel=" + guest.dir().resolve("vmlinuz") + ",initrd=" + guest.dir().resolve("initrd.img")
                        + ",kernel_args=console=ttyS0 quiet"), 180);
        assertEquals(0, install.exit(), install.all() + "\n" + daemon.log());
        assertTrue(install.out().contains("Domain creation completed."), install.all());

        TinyGuest.await(() -> Files.exists(console) && read(console).contains(TinyGuest.READY), Duration.ofSeconds(60),
                "the imported guest did not boot");
        assertEquals("running", Guests.state(uri, NAME).split(" ")[0]);
        Cli.Result xml = ok(uri, "dumpxml", NAME);
        assertTrue(xml.out().contains("<source file='" + disk + "'"), xml.out());
        assertTrue(xml.out().contains("<interface type='user'>"), xml.out());
        assertTrue(xml.out().contains("<graphics type='vnc'"), xml.out());
        Cli.Result pools = ok(uri, "pool-list", "--all");
        assertTrue(pools.out().contains(pool), "virt-install's pool, defined through the storage daemon: " + pools.out());
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
