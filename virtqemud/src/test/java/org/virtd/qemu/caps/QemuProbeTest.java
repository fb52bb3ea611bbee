package org.virtd.qemu.caps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.rpc.error.VirtException;

@Timeout(60)
class QemuProbeTest {
    @TempDir
    Path dir;
    Path fake;
    Path calls;

    @BeforeEach
    void fakeEmulator() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        fake = bin.resolve("qemu-system-x86_64");
        Files.copy(Path.of(getClass().getResource("/fake-qemu/qemu-system-x86_64").toURI()), fake,
                StandardCopyOption.COPY_ATTRIBUTES);
        fake.toFile().setExecutable(true);
        calls = dir.resolve("calls.log");
    }

    QemuProbe probe(KvmSupport kvm) {
        return new QemuProbe(dir.resolve("cache"), dir.resolve("lib"), Duration.ofSeconds(10), kvm);
    }

    List<String> calls() throws Exception {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    @Test
    void probesFakeEmulatorThenServesFromCache() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "python3 needed for the fake emulator");
        QemuProbe probe = probe(new KvmSupport(false, false));
        EmulatorCapabilities caps = withLog(() -> probe.capabilities(fake));
        assertEquals("x86_64", caps.arch());
        assertEquals(8001003, caps.version());
        assertEquals("fake-pkg", caps.packageName());
        assertFalse(caps.kvmEnabled());
        assertEquals("pc-i440fx-8.1", caps.machines().get(0).name());
        assertEquals("pc-i440fx-8.1", caps.canonical("pc"));
        assertEquals("pc-q35-8.1", caps.canonical("q35"));
        assertEquals(1024, caps.machine("q35").orElseThrow().maxCpus());
        assertTrue(caps.machine("pc-i440fx-1.4").orElseThrow().deprecated());
        assertEquals(2, calls().size());
        assertTrue(calls().get(1).contains("-machine none,accel=kvm:tcg"), calls().get(1));

        assertEquals(caps, withLog(() -> probe.capabilities(fake)));
        assertEquals(2, calls().size(), "warm start must not run the emulator");
        assertEquals(List.of(), Files.list(dir.resolve("lib")).toList(), "probe dir removed");

        Files.setLastModifiedTime(fake, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertEquals(caps, withLog(() -> probe.capabilities(fake)));
        assertEquals(4, calls().size(), "changed binary is probed again");

        withLog(() -> probe(new KvmSupport(true, false)).capabilities(fake));
        assertEquals(6, calls().size(), "changed /dev/kvm verdict is probed again");
    }

    @Test
    void corruptCacheIsAMiss() throws Exception {
        CapabilitiesCache cache = new CapabilitiesCache(dir.resolve("cache"));
        Files.createDirectories(dir.resolve("cache"));
        Files.writeString(cache.fileFor(fake), "{not json");
        assertTrue(cache.load(fake, false).isEmpty());
        EmulatorCapabilities x86 = HostCapabilitiesTest.X86;
        cache.store(new EmulatorCapabilities(fake, x86.arch(), x86.version(), x86.packageName(), true, x86.machines()), false);
        assertEquals("pc-q35-7.2", cache.load(fake, false).orElseThrow().canonical("q35"));
        assertTrue(cache.load(fake, true).isEmpty());
    }

    @Test
    void missingBinaryIsAnError() {
        VirtException e = assertThrows(VirtException.class, () -> probe(new KvmSupport(false, false))
                .capabilities(dir.resolve("nope")));
        assertTrue(e.getMessage().contains("Cannot find QEMU binary"), e.getMessage());
    }

    @Test
    void findsEmulatorsOnPath() throws Exception {
        Files.copy(fake, dir.resolve("bin/qemu-system-x86_64-microvm"));
        Files.copy(fake, dir.resolve("bin/qemu-system-aarch64"));
        List<Path> found = QemuProbe.findEmulators(dir.resolve("bin") + ":/nonexistent");
        assertTrue(found.contains(fake.toRealPath()));
        assertTrue(found.contains(dir.resolve("bin/qemu-system-aarch64").toRealPath()));
        assertFalse(found.stream().anyMatch(p -> p.toString().endsWith("microvm")));
    }

    @Test
    void realQemuProbe() throws Exception {
        Path real = QemuProbe.DEFAULT_EMULATOR;
        if (!Files.isExecutable(real)) {
            assertFalse("true".equals(System.getenv("CI")), "CI=true needs " + real);
            assumeTrue(false, real + " not installed");
        }
        QemuProbe probe = probe(KvmSupport.detect());
        long t0 = System.nanoTime();
        HostCapabilities host = HostCapabilities.load(probe, List.of(real));
        long cold = System.nanoTime() - t0;
        GuestCapabilities g = host.guest("x86_64").orElseThrow();
        assertTrue(g.emulator().version() >= 2_000_000, "version " + g.emulator().version());
        assertTrue(host.canonical("x86_64", "pc").startsWith("pc-i440fx-"), host.canonical("x86_64", "pc"));
        assertTrue(host.canonical("x86_64", "q35").startsWith("pc-q35-"), host.canonical("x86_64", "q35"));
        assertEquals(host.canonical("x86_64", "pc"), host.defaultMachine("x86_64").orElseThrow());
        assertEquals(host.canonical("x86_64", "pc"), g.machines().get(0).name());
        assertEquals(255, g.emulator().machine("pc").orElseThrow().maxCpus());
        assertTrue(g.domainTypes().contains("qemu"));

        t0 = System.nanoTime();
        HostCapabilities warm = HostCapabilities.load(probe, List.of(real));
        long warmNanos = System.nanoTime() - t0;
        assertEquals(host, warm);
        assertTrue(warmNanos < cold / 3, "warm " + warmNanos / 1e6 + " ms vs cold " + cold / 1e6 + " ms");
    }

    interface Call<T> {
        T run() throws Exception;
    }

    private <T> T withLog(Call<T> call) throws Exception {
        // The fake emulator appends its argv to FAKE_QEMU_LOG; ProcessBuilder inherits our environment,
        // so the log path is handed over through a wrapper script instead.
        Path wrapper = fake.resolveSibling("real-fake");
        if (!Files.exists(wrapper)) {
            Files.move(fake, wrapper);
            Files.writeString(fake, "#!/bin/sh\nFAKE_QEMU_LOG='" + calls + "' exec '" + wrapper + "' \"$@\"\n");
            fake.toFile().setExecutable(true);
        }
        return call.run();
    }
}
