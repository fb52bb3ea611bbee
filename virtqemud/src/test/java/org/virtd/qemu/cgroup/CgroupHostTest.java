package org.virtd.qemu.cgroup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CgroupHostTest {
    @TempDir
    Path root;

    @Test
    void legacyMountsPerController() throws Exception {
        FakeCgroupFs.v1(root);
        // the hybrid layout's empty unified tree beside them does not make it v2
        Files.createDirectories(root.resolve("unified"));
        Files.writeString(root.resolve("unified/cgroup.controllers"), "");
        CgroupHost host = CgroupHost.detect(root, dir -> true);
        for (String c : CgroupHost.CONTROLLERS) {
            assertFalse(host.backend(c).unified(), c);
        }
        assertEquals(root.resolve("cpu/x"), host.backend("cpu").dir("cpu", "x"));
        assertNull(host.v2(), "a unified tree without controllers does not count");
    }

    @Test
    void unifiedTreeHasTheControllersItLists() throws Exception {
        FakeCgroupFs.v2(root);
        CgroupHost host = CgroupHost.detect(root, dir -> true);
        assertTrue(host.backend("memory").unified());
        assertTrue(host.has("blkio"), "io stands for blkio");
        assertTrue(host.backend("devices").unified(), "devices is a BPF program on v2");
        assertTrue(host.backend("cpuacct").unified(), "cpu.stat is in every group");
        assertFalse(host.has("freezer"), "libvirt's v2 backend does not claim freezer");
        assertEquals(root.resolve("x"), host.backend("cpu").dir("cpu", "x"));
        assertFalse(CgroupHost.detect(root).has("devices"), "not where device programs do not work");
    }

    @Test
    void noCgroupsNoControllers() {
        CgroupHost host = CgroupHost.detect(root.resolve("absent"));
        assertFalse(host.has("cpu"));
        assertNull(host.backend("memory"));
    }

    @Test
    void hybridHostSplitsTheControllersAsLibvirt() throws Exception {
        FakeCgroupFs.hybrid(root);
        java.util.List<Path> asked = new java.util.ArrayList<>();
        CgroupHost host = CgroupHost.detect(root, dir -> asked.add(dir));
        assertEquals(java.util.List.of(root.resolve("unified")), asked, "device programs are asked about once");
        for (String c : java.util.List.of("cpuacct", "devices")) {
            assertTrue(host.backend(c).unified(), c + " is the unified tree's");
            assertEquals(root.resolve("unified/m"), host.backend(c).dir(c, "m"));
        }
        for (String c : java.util.List.of("cpu", "cpuset", "memory", "freezer", "blkio")) {
            assertFalse(host.backend(c).unified(), c + " stays on v1");
            assertEquals(root.resolve(c).resolve("m"), host.backend(c).dir(c, "m"));
        }
    }

    @Test
    void hybridHostWithoutDeviceProgramsKeepsDevicesOnV1() throws Exception {
        FakeCgroupFs.hybrid(root);
        CgroupHost host = CgroupHost.detect(root, dir -> false);
        assertFalse(host.backend("devices").unified());
        assertTrue(host.backend("cpuacct").unified());
    }

    @Test
    void unifiedTreeListingACpuControllerTakesItFromV1() throws Exception {
        FakeCgroupFs.hybrid(root);
        Files.writeString(root.resolve("unified/cgroup.controllers"), "cpu hugetlb");
        CgroupHost host = CgroupHost.detect(root, dir -> false);
        assertTrue(host.backend("cpu").unified());
        assertFalse(host.backend("cpuset").unified());
    }
}
