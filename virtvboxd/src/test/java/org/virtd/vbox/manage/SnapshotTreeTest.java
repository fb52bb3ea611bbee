package org.virtd.vbox.manage;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code snapshot VM list --machinereadable} as the stand-in (and VirtualBox 7.0) prints it. */
class SnapshotTreeTest {
    static final String LISTING = """
            SnapshotName="s1"
            SnapshotUUID="80e4d622-868f-4a4b-94fd-8a7a2c4d2a3d"
            SnapshotDescription="first \\"one\\""
            SnapshotName-1="s2"
            SnapshotUUID-1="b948e1d3-fae7-4b6c-93a7-a576dbd0a6e7"
            SnapshotName-2="s3"
            SnapshotUUID-2="cb088d86-43e4-4b30-819b-f5f04c7d2013"
            SnapshotName-2-1="s1"
            SnapshotUUID-2-1="4610e9cd-e973-4acd-9ca3-2e8ca5153c7c"
            CurrentSnapshotName="s1"
            CurrentSnapshotUUID="4610e9cd-e973-4acd-9ca3-2e8ca5153c7c"
            CurrentSnapshotNode="SnapshotName-2-1"
            """;

    @Test
    void treeFromTheNodeSuffixes() {
        SnapshotTree t = SnapshotTree.parse(LISTING);
        assertEquals(List.of("s1", "s2", "s3", "s1"), t.all().stream().map(SnapshotTree.Snapshot::name).toList());
        SnapshotTree.Snapshot root = t.all().get(0);
        assertNull(root.parent());
        assertEquals("first \"one\"", root.description());
        assertEquals(root.uuid(), t.all().get(1).parent());
        assertEquals(root.uuid(), t.all().get(2).parent());
        assertEquals(t.all().get(2).uuid(), t.all().get(3).parent());
        assertEquals("", t.all().get(1).description());
    }

    @Test
    void currentAndLookups() {
        SnapshotTree t = SnapshotTree.parse(LISTING);
        assertEquals(UUID.fromString("4610e9cd-e973-4acd-9ca3-2e8ca5153c7c"), t.current().orElseThrow().uuid());
        assertEquals("-2-1", t.current().orElseThrow().node());
        // a repeated name finds the first in pre-order, as the listing goes
        assertEquals("", t.byName("s1").orElseThrow().node());
        assertTrue(t.byName("nope").isEmpty());
        assertEquals(List.of("s1"), t.descendants(t.byName("s3").orElseThrow()).stream()
                .map(SnapshotTree.Snapshot::name).toList());
        assertEquals(3, t.descendants(t.byName("s1").orElseThrow()).size());
    }

    @Test
    void noSnapshotsAndOtherKeys() {
        assertEquals(0, SnapshotTree.parse("This machine does not have any snapshots\n").size());
        SnapshotTree t = SnapshotTree.parse("name=\"vm\"\nSnapFldr=\"/x/Snapshots\"\nSnapshotName=\"a\"\n"
                + "SnapshotUUID=\"355f6c66-62c8-42cc-925d-7440a2696a88\"\n");
        assertEquals(1, t.size());
        assertTrue(t.current().isEmpty());
        assertEquals("-2", SnapshotTree.parentNode("-2-1"));
        assertEquals("", SnapshotTree.parentNode("-1"));
        assertNull(SnapshotTree.parentNode(""));
    }
}
