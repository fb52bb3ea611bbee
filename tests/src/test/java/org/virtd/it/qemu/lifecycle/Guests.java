package org.virtd.it.qemu.lifecycle;

import org.virtd.it.harness.Cli;
import org.virtd.it.harness.QemuProcesses;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * virsh shorthands for these tests and the cleanup every test ends with: whatever QEMU was
 * started under a test prefix is killed (found by its monitor path in {@code /proc/PID/cmdline}).
 */
final class Guests {
    private Guests() {
    }

    static String state(String uri, String name) throws IOException, InterruptedException {
        Cli.Result r = Cli.virsh(uri, "domstate", "--reason", name);
        return r.exit() == 0 ? r.out().trim() : "error: " + r.err().trim();
    }

    static boolean stateIs(String uri, String name, String expected) {
        try {
            return state(uri, name).equals(expected);
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    static Cli.Result ok(String uri, String... args) throws IOException, InterruptedException {
        Cli.Result r = Cli.virsh(uri, args);
        if (r.exit() != 0) {
            throw new AssertionError("virsh " + String.join(" ", args) + " failed: " + r.all());
        }
        return r;
    }

    /**
     * Creates {@code disk} (qcow2, 32 MiB), defines tiny guest {@code name} with its virtio-blk
     * initrd and that disk as vda, starts it and waits for it to boot.
     */
    static void startWithQcow2Disk(String uri, Path prefix, String name, Path disk) throws Exception {
        TinyGuest guest = TinyGuest.get();
        img("create", "-q", "-f", "qcow2", disk.toString(), "32M");
        Path xml = prefix.resolve(name + ".xml");
        Files.writeString(xml, guest.xml(name, prefix)
                .replace(guest.dir().resolve("initrd.img").toString(), guest.blkInitrd().toString())
                .replace("  <devices>\n", "  <devices>\n    <disk type='file' device='disk'><driver name='qemu' "
                        + "type='qcow2'/><source file='" + disk + "'/><target dev='vda' bus='virtio'/></disk>\n"));
        ok(uri, "define", xml.toString());
        ok(uri, "start", name);
        TinyGuest.awaitBoots(prefix, name, 1, java.time.Duration.ofSeconds(40));
    }

    /** Defines tiny guest {@code name} (its plain initrd) with {@code disk} (qcow2) as vda and starts it. */
    static void defineAndStart(String uri, Path prefix, String name, Path disk) throws Exception {
        Path xml = prefix.resolve(name + ".xml");
        Files.writeString(xml, TinyGuest.get().xml(name, prefix).replace("  <devices>\n", "  <devices>\n"
                + "    <disk type='file' device='disk'><driver name='qemu' type='qcow2'/><source file='" + disk
                + "'/><target dev='vda' bus='virtio'/></disk>\n"));
        ok(uri, "define", xml.toString());
        ok(uri, "start", name);
    }

    /** The guest writes 2 MiB of random data 1 MiB into its vda, through its own driver, flushed. */
    static void writeVda(String uri, Path prefix, String name) throws IOException, InterruptedException {
        // conv=fsync: the guest's sync alone sends QEMU no flush, and qemu-img reads the file
        String wrote = console(uri, name, prefix,
                "dd if=/dev/urandom of=/dev/vda bs=64k count=32 seek=16 conv=fsync 2>/dev/null && echo WROTE-$((40+2))",
                "WROTE-42"); // computed, so the echo of the typed line does not count
        if (!wrote.contains("seen True")) {
            throw new AssertionError("the guest could not write its disk: " + wrote);
        }
    }

    /** Runs qemu-img with {@code args} (bounded), failing the test when it fails. */
    static Cli.Result img(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("qemu-img"));
        cmd.addAll(List.of(args));
        Cli.Result r = Cli.run(cmd, 60);
        if (r.exit() != 0) {
            throw new AssertionError("qemu-img " + String.join(" ", args) + " failed: " + r.all());
        }
        return r;
    }

    /**
     * Types {@code command} on the console of guest {@code name} (console_cmd.py, bounded) and
     * returns what the script printed: "seen True" once {@code expect} appeared in the output.
     */
    static String console(String uri, String name, Path workDir, String command, String expect)
            throws IOException, InterruptedException {
        Path script = EventRecorder.resource("console_cmd.py", workDir);
        return Cli.run(List.of("/usr/bin/python3", script.toString(), uri, name, command, expect), 60).out();
    }

    /** Pids of QEMUs whose command line mentions {@code prefix}. */
    static List<Long> qemusUnder(Path prefix) {
        return QemuProcesses.under(prefix);
    }

    /**
     * A test's clean-up: closes what it opened, in the order given (event clients before the
     * daemon they listen to; nulls are what never opened), then kills any QEMU still running
     * under its prefix, even when a close failed.
     */
    static void cleanUp(Path prefix, AutoCloseable... opened) {
        IllegalStateException failure = null;
        for (AutoCloseable c : opened) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (failure == null) {
                    failure = new IllegalStateException("clean-up: " + e.getMessage(), e);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        killQemusUnder(prefix);
        if (failure != null) {
            throw failure;
        }
    }

    static void killQemusUnder(Path prefix) {
        QemuProcesses.killUnder(prefix);
    }

    /** Waits (bounded, 60 s) for a finished job in {@code domjobinfo --completed} and returns that output. */
    static String awaitCompletedJob(String uri, String name) throws IOException, InterruptedException {
        String completed = "";
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        while (!completed.contains("Completed") && System.nanoTime() < deadline) {
            Thread.sleep(200);
            completed = ok(uri, "domjobinfo", name, "--completed", "--keep-completed").out();
        }
        return completed;
    }
}
