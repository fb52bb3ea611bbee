package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.VirtqemudProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * A tiny guest with a pvpanic device and the pvpanic drivers panics through sysrq: with
 * on_crash='coredump-destroy' its memory lands in auto_dump_path as a memory-only ELF core named
 * {@code <id>-<name>-<time>} and it stops as crashed; with 'coredump-restart' it is dumped and
 * boots again (running, reason crashed).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CrashDumpTest {
    private static final String DESTROY = "crashd";
    private static final String RESTART = "crashr";

    @TempDir
    static Path prefix;
    static VirtqemudProcess daemon;
    static EventRecorder events;
    static String uri;
    static Path dumps;

    @BeforeAll
    static void start() throws Exception {
        TinyGuest guest = TinyGuest.get();
        Path initrd = TinyGuest.initrd(guest.dir(), "panic");
        daemon = VirtqemudProcess.start(prefix);
        uri = daemon.uri();
        events = EventRecorder.start(uri, prefix);
        for (String[] g : new String[][] {{DESTROY, "coredump-destroy"}, {RESTART, "coredump-restart"}}) {
            String xml = guest.xml(g[0], prefix)
                    .replace(guest.dir().resolve("initrd.img").toString(), initrd.toString())
                    .replace("<on_crash>destroy</on_crash>", "<on_crash>" + g[1] + "</on_crash>")
                    .replace("    <memballoon model='virtio'/>\n", "    <memballoon model='virtio'/>\n"
                            + "    <panic model='isa'/>\n");
            Path f = prefix.resolve(g[0] + ".xml");
            Files.writeString(f, xml);
            ok(uri, "define", f.toString());
        }
        dumps = prefix.resolve("var/lib/libvirt/qemu/dump");
    }

    @AfterAll
    static void stop() {
        Guests.cleanUp(prefix, events, daemon);
    }

    @Test
    @Order(1)
    void coredumpDestroyDumpsThenStopsAsCrashed() throws Exception {
        panic(DESTROY);
        TinyGuest.await(() -> Guests.stateIs(uri, DESTROY, "shut off (crashed)"), Duration.ofSeconds(60),
                "not shut off (crashed)");
        List<Path> cores = dumpsOf(DESTROY);
        assertEquals(1, cores.size(), "one dump: " + cores);
        assertTrue(cores.get(0).getFileName().toString()
                .matches("\\d+-" + DESTROY + "-\\d{4}-\\d{2}-\\d{2}-\\d{2}:\\d{2}:\\d{2}"), cores.toString());
        byte[] head = Arrays.copyOf(Files.readAllBytes(cores.get(0)), 4);
        assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'}, head, "a memory-only ELF core");
        List<String> life = events.of(DESTROY).stream().filter(e -> !e.equals("3 0")).toList();
        assertEquals(List.of("0 0", "4 0", "2 0", "8 0", "5 2"), life, "all: " + events.lines());
    }

    @Test
    @Order(2)
    void coredumpRestartDumpsThenBootsAgain() throws Exception {
        panic(RESTART);
        TinyGuest.await(() -> Guests.stateIs(uri, RESTART, "running (crashed)"), Duration.ofSeconds(60),
                "not running (crashed)");
        TinyGuest.awaitBoots(prefix, RESTART, 2, Duration.ofSeconds(60));
        assertEquals(1, dumpsOf(RESTART).size());
        List<String> life = events.of(RESTART).stream().filter(e -> !e.equals("3 0")).toList();
        assertEquals(List.of("0 0", "4 0", "2 0", "8 0", "reboot", "4 0"), life.subList(0, Math.min(6, life.size())),
                "all: " + events.lines());
        ok(uri, "destroy", RESTART);
    }

    private static void panic(String name) throws Exception {
        ok(uri, "start", name);
        TinyGuest.awaitBoots(prefix, name, 1, Duration.ofSeconds(60));
        String r = Guests.console(uri, name, prefix, "echo c > /proc/sysrq-trigger", "Kernel panic");
        assertTrue(r.contains("seen True"), r);
    }

    private static List<Path> dumpsOf(String name) throws IOException {
        if (!Files.isDirectory(dumps)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dumps)) {
            return s.filter(p -> p.getFileName().toString().matches("\\d+-" + name + "-.*")).toList();
        }
    }
}
