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
        CgroupHost host = CgroupHost.detect(root);
        assertFalse(host.unified());
        assertTrue(host.has("memory"));
        assertEquals(root.resolve("cpu"), host.mount("cpu"));
    }

    @Test
    void unifiedTreeHasTheControllersItLists() throws Exception {
        FakeCgroupFs.v2(root);
        CgroupHost host = CgroupHost.detect(root);
        assertTrue(host.unified());
        assertTrue(host.has("memory"));
        assertTrue(host.has("blkio"), "io stands for blkio");
        assertTrue(host.has("devices"), "devices is built into v2");
        assertEquals(root, host.mount("cpu"));
    }

    @Test
    void noCgroupsNoControllers() {
        CgroupHost host = CgroupHost.detect(root.resolve("absent"));
        assertFalse(host.has("cpu"));
        assertNull(host.mount("memory"));
    }
}
