package org.virtd.it.qemu.lifecycle;

import org.virtd.it.harness.Cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * The tiny guest that writes its own disk: its virtio-blk initrd and a new 32 MiB qcow2 image as
 * {@code vda}, defined and booted; and qemu-img for the checks on the images.
 */
final class BlkGuest {
    private BlkGuest() {
    }

    /** Creates {@code base}, defines {@code name} on it and waits for the guest to boot. */
    static void boot(String uri, Path prefix, String name, Path base) throws Exception {
        TinyGuest guest = TinyGuest.get();
        Path initrd = guest.blkInitrd();
        img("create", "-q", "-f", "qcow2", base.toString(), "32M");
        Path xml = prefix.resolve(name + ".xml");
        Files.writeString(xml, guest.xml(name, prefix)
                .replace(guest.dir().resolve("initrd.img").toString(), initrd.toString())
                .replace("  <devices>\n", "  <devices>\n    <disk type='file' device='disk'><driver name='qemu' "
                        + "type='qcow2'/><source file='" + base + "'/><target dev='vda' bus='virtio'/></disk>\n"));
        ok(uri, "define", xml.toString());
        ok(uri, "start", name);
        TinyGuest.awaitBoots(prefix, name, 1, Duration.ofSeconds(40));
    }

    static void img(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("qemu-img"));
        cmd.addAll(List.of(args));
        Cli.Result r = Cli.run(cmd, 60);
        assertEquals(0, r.exit(), r.all());
    }
}
