package org.virtd.it.vbox;

import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * A built virtvboxd on the VBoxManage stand-in, in a temporary directory of its own, with the
 * virsh shorthands the vbox tests share. {@link #close} stops the daemon and removes the directory.
 */
final class VboxDaemon implements AutoCloseable {
    final Path dir;
    final VboxStandIn vbox;
    final VirtqemudProcess daemon;

    private VboxDaemon(Path dir, VboxStandIn vbox, VirtqemudProcess daemon) {
        this.dir = dir;
        this.vbox = vbox;
        this.daemon = daemon;
    }

    static VboxDaemon start(String tempPrefix) throws IOException {
        Cli.requireTool("virsh");
        VboxStandIn.dir();
        Path dir = Files.createTempDirectory(tempPrefix);
        VboxStandIn vbox = new VboxStandIn(dir);
        return new VboxDaemon(dir, vbox, VirtqemudProcess.start(dir.resolve("prefix"), "virtvboxd", vbox.env()));
    }

    static String uri(Path socket) {
        return "vbox+unix:///system?socket=" + socket;
    }

    String uri() {
        return uri(daemon.socket());
    }

    /** virsh on the read-write socket, which must succeed. */
    Cli.Result ok(String... args) throws Exception {
        Cli.Result r = Cli.virsh(uri(), args);
        assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.all() + "\n" + daemon.log());
        return r;
    }

    /** virsh on the read-write socket, which must fail. */
    Cli.Result fails(String... args) throws Exception {
        Cli.Result r = Cli.virsh(uri(), args);
        assertNotEquals(0, r.exit(), String.join(" ", args) + ": " + r.all());
        return r;
    }

    @Override
    public void close() throws IOException {
        daemon.close();
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
