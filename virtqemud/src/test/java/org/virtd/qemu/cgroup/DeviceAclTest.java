package org.virtd.qemu.cgroup;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeviceAclTest {
    @Test
    void defaultNodesPtysAndBlockDisks() {
        List<String> rules = DeviceAcl.rules(List.of("/dev/null", "/dev/zero", "/dev/no-such-node"),
                List.of(new DeviceAcl.Disk("/tmp", false)));
        assertEquals(List.of("c 1:3 rw", "c 1:5 rw", "c 136:* rw"), rules,
                "missing nodes and non-device disks are skipped");
    }

    @Test
    void devicesNumbersSplitAsTheKernelDoes() {
        long rdev = (259L << 8) | 1;
        assertEquals(259, DeviceNodes.major(rdev));
        assertEquals(1, DeviceNodes.minor(rdev));
        assertTrue(DeviceNodes.minor((1L << 20) | 0x100000L) >= 0);
    }
}
