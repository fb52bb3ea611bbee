package org.virtd.it.qemu.lifecycle;

import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The tiny guest of shared/guest for these tests: kernel and initrd built once (bounded) into
 * {@code $VIRTD_GUEST_DIR} (default /tmp/virtd-guest), domain XML from its template with type
 * qemu (TCG), 128 MiB, and the serial console copied to a per-domain file the tests watch for
 * the guest's marker lines. Missing pieces skip the test, or fail it under CI=true.
 */
public final class TinyGuest {
    static final String READY = "GUEST-READY";

    private final Path dir;

    private TinyGuest(Path dir) {
        this.dir = dir;
    }

    public static TinyGuest get() throws IOException, InterruptedException {
        Cli.requireTool("qemu-system-x86_64");
        Path dir = Path.of(System.getenv().getOrDefault("VIRTD_GUEST_DIR", "/tmp/virtd-guest"));
        Path builder = VirtqemudProcess.repo().getParent().resolve("shared/guest/build-guest.sh");
        String env = System.getenv("VIRTD_GUEST_BUILDER");
        if (env != null) {
            builder = Path.of(env);
        }
        if (!Files.exists(dir.resolve("vmlinuz")) || !Files.exists(dir.resolve("initrd.img"))) {
            Cli.requireTool(builder.toString());
            Files.createDirectories(dir);
            Process p = new ProcessBuilder(builder.toString(), dir.toString()).inheritIO().start();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("guest build took more than 300 s");
            }
            assertTrue(p.exitValue() == 0 && Files.exists(dir.resolve("vmlinuz")), "guest build failed");
        }
        return new TinyGuest(dir);
    }

    /** The directory holding {@code vmlinuz} and {@code initrd.img}. */
    public Path dir() {
        return dir;
    }

    /** Domain XML for {@code name} whose console goes to {@link #consoleLog}. */
    public String xml(String name, Path prefix) {
        return xml(name, prefix, 1);
    }

    /** The same with {@code maxVcpus} vCPU slots of which one is plugged at start. */
    String xml(String name, Path prefix, int maxVcpus) {
        return "<domain type='qemu'>\n"
                + "  <name>" + name + "</name>\n"
                + "  <memory unit='MiB'>128</memory>\n"
                + (maxVcpus > 1 ? "  <vcpu current='1'>" + maxVcpus + "</vcpu>\n" : "  <vcpu>1</vcpu>\n")
                + "  <os>\n"
                + "    <type arch='x86_64'>hvm</type>\n"
                + "    <kernel>" + dir.resolve("vmlinuz") + "</kernel>\n"
                + "    <initrd>" + dir.resolve("initrd.img") + "</initrd>\n"
                + "    <cmdline>console=ttyS0 quiet</cmdline>\n"
                + "  </os>\n"
                + "  <features><acpi/></features>\n"
                + "  <on_poweroff>destroy</on_poweroff>\n"
                + "  <on_reboot>restart</on_reboot>\n"
                + "  <on_crash>destroy</on_crash>\n"
                + "  <devices>\n"
                + "    <serial type='pty'>\n"
                + "      <log file='" + consoleLog(prefix, name) + "' append='off'/>\n"
                + "      <target port='0'/>\n"
                + "    </serial>\n"
                + "    <console type='pty'><target type='serial' port='0'/></console>\n"
                + "    <controller type='usb' model='none'/>\n"
                + "    <memballoon model='virtio'/>\n"
                + "  </devices>\n"
                + "</domain>\n";
    }

    /**
     * The tiny guest's initrd with what a kind of test needs added by tests/guest-initrd (built
     * once, bounded): {@code agent} (the scripted guest agent on its channel), {@code balloon}
     * (the balloon driver) or {@code blk} (virtio-blk, for hot-plugged disks under /sys/block).
     */
    static Path initrd(Path guestDir, String kind) throws IOException, InterruptedException {
        Path script = VirtqemudProcess.repo().resolve("tests/guest-initrd/build-initrd.sh");
        Process p = new ProcessBuilder(script.toString(), guestDir.toString(), kind).inheritIO().start();
        if (!p.waitFor(300, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(kind + " initrd build took more than 300 s");
        }
        assertTrue(p.exitValue() == 0, kind + " initrd build failed");
        return guestDir.resolve("initrd-" + kind + ".img");
    }

    Path agentInitrd() throws IOException, InterruptedException {
        return initrd(dir, "agent");
    }

    Path blkInitrd() throws IOException, InterruptedException {
        return initrd(dir, "blk");
    }

    /** The XML of {@code name} running the scripted agent on its agent channel. */
    Path agentXmlFile(String name, Path prefix) throws IOException, InterruptedException {
        String xml = xml(name, prefix).replace(dir.resolve("initrd.img").toString(), agentInitrd().toString())
                .replace("    <memballoon model='virtio'/>\n", "    <channel type='unix'>\n"
                        + "      <target type='virtio' name='org.qemu.guest_agent.0'/>\n    </channel>\n"
                        + "    <memballoon model='virtio'/>\n");
        Path f = prefix.resolve(name + ".xml");
        Files.writeString(f, xml);
        return f;
    }

    /** Writes the XML of {@code name} to a file for {@code virsh define/create}. */
    Path xmlFile(String name, Path prefix) throws IOException {
        return xmlFile(name, prefix, 1);
    }

    Path xmlFile(String name, Path prefix, int maxVcpus) throws IOException {
        Path f = prefix.resolve(name + ".xml");
        Files.writeString(f, xml(name, prefix, maxVcpus));
        return f;
    }

    static Path consoleLog(Path prefix, String name) {
        return prefix.resolve(name + ".console");
    }

    /** How many times the guest has printed its ready marker since the last start. */
    static int boots(Path prefix, String name) {
        try {
            String text = Files.readString(consoleLog(prefix, name));
            int n = 0;
            for (int i = text.indexOf(READY); i >= 0; i = text.indexOf(READY, i + 1)) {
                n++;
            }
            return n;
        } catch (IOException e) {
            return 0;
        }
    }

    static void awaitBoots(Path prefix, String name, int count, Duration limit) {
        await(() -> boots(prefix, name) >= count, limit,
                name + " did not print " + READY + " " + count + " time(s) within " + limit);
    }

    static void await(BooleanSupplier condition, Duration limit, String failure) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
        if (!condition.getAsBoolean()) {
            throw new AssertionError(failure);
        }
    }
}
