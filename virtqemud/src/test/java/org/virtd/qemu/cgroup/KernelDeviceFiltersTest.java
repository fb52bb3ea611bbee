package org.virtd.qemu.cgroup;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.virtd.qemu.cgroup.bpf.Bpf;
import org.virtd.qemu.cgroup.bpf.BpfException;
import org.virtd.qemu.cgroup.bpf.CgroupDeviceProgram;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The BPF device filter on a real cgroup2 directory (this host's {@code /sys/fs/cgroup/unified},
 * or a pure v2 host's root): a map grown past its first size keeps its rules and, found again
 * by query as a restarted daemon finds it, takes a new rule, after which a shell moved into the
 * cgroup may read /dev/null but gets EPERM from /dev/zero; the program is gone once the cgroup is. A kernel or host that cannot do this fails the test, it does not skip.
 */
class KernelDeviceFiltersTest {
    private static final String PROBE = "read go; head -c1 /dev/zero >/dev/null; echo zero=$?; cat /dev/null; echo null=$?";

    private final KernelDeviceFilters filters = new KernelDeviceFilters();
    private Path dir;

    private static Path unifiedRoot() {
        for (Path p : new Path[] {Path.of("/sys/fs/cgroup/unified"), Path.of("/sys/fs/cgroup")}) {
            if (Files.isRegularFile(p.resolve("cgroup.controllers")) && Files.isRegularFile(p.resolve("cgroup.procs"))) {
                return p;
            }
        }
        return fail("no cgroup2 hierarchy at /sys/fs/cgroup/unified or /sys/fs/cgroup: BPF device filters need one");
    }

    @BeforeEach
    void makeCgroup() throws IOException {
        Path root = unifiedRoot();
        assertTrue(filters.available(root), "the kernel refuses BPF_PROG_QUERY for device programs on " + root
                + " (no CAP_BPF/CAP_SYS_ADMIN, or a kernel without BPF_CGROUP_DEVICE)");
        dir = Files.createDirectory(root.resolve("virtd-bpf-test-" + ProcessHandle.current().pid() + "-"
                + System.nanoTime()));
    }

    @AfterEach
    void removeCgroup() throws Exception {
        if (dir != null) {
            removeDir(dir);
        }
    }

    private static void removeDir(Path d) throws Exception {
        long deadline = System.currentTimeMillis() + 5000;
        while (Files.isDirectory(d)) {
            try {
                Files.delete(d);
            } catch (IOException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(50);
            }
        }
    }

    private static DeviceRule rule(String path, String access) throws IOException {
        Path real = Path.of(path).toRealPath();
        return DeviceRule.parse("c " + DeviceNodes.numbers(real) + " " + access);
    }

    /** Runs the probe shell moved into the cgroup; its output (stdout and stderr). */
    private String probe() throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", PROBE).redirectErrorStream(true).start();
        try {
            Files.writeString(dir.resolve("cgroup.procs"), Long.toString(p.pid()));
            try (OutputStream in = p.getOutputStream()) {
                in.write("go\n".getBytes());
            }
            assertTrue(p.waitFor(10, TimeUnit.SECONDS), "the probe shell did not finish");
            return new String(p.getInputStream().readAllBytes());
        } finally {
            p.destroyForcibly();
            p.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFullMapIsReplacedByABiggerOneWithTheSameRules() throws Exception {
        int before;
        try (CgroupDeviceProgram p = CgroupDeviceProgram.attach(dir.toString())) {
            before = p.programId();
            int capacity = p.capacity();
            for (int minor = 0; minor <= capacity; minor++) {
                p.put(org.virtd.qemu.cgroup.bpf.DeviceEntry.key(250, minor), 0x60002);
            }
            assertTrue(p.capacity() > capacity, "grown");
            assertEquals(capacity + 1, p.size());
        }
        try (DeviceFilter f = filters.find(dir)) {
            f.allow(rule("/dev/null", "rw"));
        }
        try (CgroupDeviceProgram p = CgroupDeviceProgram.find(dir.toString())) {
            assertTrue(p.programId() != before, "a new program took over");
            int fd = Bpf.openDirectory(dir.toString());
            try {
                assertEquals(1, Bpf.query(fd, Bpf.ATTACH_CGROUP_DEVICE, 16).size(), "the old one was detached");
            } finally {
                Bpf.close(fd);
            }
        }
        String out = probe();
        assertTrue(out.contains("zero=1") && out.contains("null=0"), out);
    }

    @Test
    void theProgramGoesWithItsCgroup() throws Exception {
        int id;
        try (CgroupDeviceProgram p = CgroupDeviceProgram.attach(dir.toString())) {
            id = p.programId();
        }
        int fd = Bpf.programById(id);
        Bpf.close(fd);
        removeDir(dir);
        dir = null;
        // the kernel releases a destroyed cgroup's programs from a work queue: wait for it, bounded
        long deadline = System.currentTimeMillis() + 10_000;
        boolean gone = false;
        while (!gone && System.currentTimeMillis() < deadline) {
            try {
                Bpf.close(Bpf.programById(id));
                Thread.sleep(50);
            } catch (BpfException e) {
                gone = true;
            }
        }
        assertTrue(gone, "program " + id + " outlived its cgroup");
    }

    @Test
    void findOnACgroupWithoutOurProgramIsNull() throws Exception {
        assertEquals(null, filters.find(dir));
        assertFalse(filters.available(Files.createTempDirectory("not-a-cgroup")), "a plain directory is no cgroup");
    }
}
