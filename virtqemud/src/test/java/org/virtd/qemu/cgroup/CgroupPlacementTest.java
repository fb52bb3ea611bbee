package org.virtd.qemu.cgroup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CgroupPlacementTest {
    @TempDir
    Path proc;

    @Test
    void libvirtsMachineNameAndPartition() {
        assertEquals("qemu-3-tiny", CgroupPlacement.machineName(3, "tiny"));
        assertEquals("machine/qemu-3-tiny.libvirt-qemu", CgroupPlacement.path(3, "tiny"));
        assertEquals("qemu-1-abc", CgroupPlacement.machineName(1, "a b/c!"));
    }

    @Test
    void longNamesAreCut() {
        String name = CgroupPlacement.machineName(1, "x".repeat(100));
        assertEquals(64, name.length());
    }

    @Test
    void findsTheGuestCgroupOfAProcess() throws Exception {
        Files.createDirectories(proc.resolve("42"));
        Files.writeString(proc.resolve("42/cgroup"), "9:name=systemd:/\n8:pids:/\n"
                + "4:memory:/machine/qemu-1-tiny.libvirt-qemu\n1:cpu:/machine/qemu-1-tiny.libvirt-qemu\n0::/\n");
        assertEquals("machine/qemu-1-tiny.libvirt-qemu", CgroupPlacement.ofProcess(proc, 42));
        assertNull(CgroupPlacement.ofProcess(proc, 43), "no such process");
    }

    @Test
    void findsItOnV2() throws Exception {
        Files.createDirectories(proc.resolve("7"));
        Files.writeString(proc.resolve("7/cgroup"), "0::/machine/qemu-2-vm.libvirt-qemu\n");
        assertEquals("machine/qemu-2-vm.libvirt-qemu", CgroupPlacement.ofProcess(proc, 7));
    }

    @Test
    void aHybridHostsQemuIsFoundFromItsEmulatorGroups() throws Exception {
        Files.createDirectories(proc.resolve("8"));
        Files.writeString(proc.resolve("8/cgroup"), "5:devices:/\n2:cpuacct:/\n"
                + "1:cpu:/machine/qemu-3-vm.libvirt-qemu/emulator\n0::/machine/qemu-3-vm.libvirt-qemu/emulator\n");
        assertEquals("machine/qemu-3-vm.libvirt-qemu", CgroupPlacement.ofProcess(proc, 8));
    }

    @Test
    void aProcessOutsideAnyGuestCgroupHasNone() throws Exception {
        Files.createDirectories(proc.resolve("5"));
        Files.writeString(proc.resolve("5/cgroup"), "4:memory:/process_api/abc\n0::/\n");
        assertNull(CgroupPlacement.ofProcess(proc, 5));
    }
}
