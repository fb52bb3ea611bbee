package org.virtd.qemu.blockjob;

import org.junit.jupiter.api.Test;
import org.virtd.qemu.qmp.JsonObject;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A checkpoint's bitmap across a disk's chain: when it is valid, and what an incremental backup merges. */
class NodeBitmapsTest {
    private static final List<DiskImages.Image> CHAIN = List.of(new DiskImages.Image("file", "qcow2", "/top", 3),
            new DiskImages.Image("file", "qcow2", "/mid", 2), new DiskImages.Image("file", "qcow2", "/base", 1));

    private static JsonObject good() {
        return JsonObject.of("recording", true, "persistent", true, "granularity", 65536L);
    }

    @Test
    void theBitmapMustStartOnTopAndHaveNoGaps() {
        assertTrue(new NodeBitmaps(Map.of("libvirt-3-format", Map.of("c1", good()),
                "libvirt-2-format", Map.of("c1", good()))).chainValid(CHAIN, "c1"));
        assertFalse(new NodeBitmaps(Map.of("libvirt-2-format", Map.of("c1", good()))).chainValid(CHAIN, "c1"),
                "not on the top image");
        assertFalse(new NodeBitmaps(Map.of("libvirt-3-format", Map.of("c1", good()),
                "libvirt-1-format", Map.of("c1", good()))).chainValid(CHAIN, "c1"), "a gap");
        assertFalse(new NodeBitmaps(Map.of("libvirt-3-format", Map.of("c1", good().with("recording", false))))
                .chainValid(CHAIN, "c1"), "disabled");
        assertFalse(new NodeBitmaps(Map.of("libvirt-3-format", Map.of("c1", good().with("inconsistent", true))))
                .chainValid(CHAIN, "c1"), "inconsistent");
    }

    @Test
    void everyLayersCopyIsMergedIntoATransientDisabledBitmap() {
        NodeBitmaps b = new NodeBitmaps(Map.of("libvirt-3-format", Map.of("c1", good()),
                "libvirt-2-format", Map.of("c1", good().with("granularity", 131072L))));
        assertEquals("[{\"type\":\"block-dirty-bitmap-add\",\"data\":{\"node\":\"libvirt-3-format\","
                + "\"name\":\"backup-vda\",\"persistent\":false,\"disabled\":true,\"granularity\":65536}}, "
                + "{\"type\":\"block-dirty-bitmap-merge\",\"data\":{\"node\":\"libvirt-3-format\",\"target\":"
                + "\"backup-vda\",\"bitmaps\":[{\"node\":\"libvirt-3-format\",\"name\":\"c1\"},"
                + "{\"node\":\"libvirt-2-format\",\"name\":\"c1\"}]}}]",
                b.mergeInto(CHAIN, "c1", "libvirt-3-format", "backup-vda").toString());
    }
}
