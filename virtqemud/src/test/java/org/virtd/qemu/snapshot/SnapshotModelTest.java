package org.virtd.qemu.snapshot;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The snapshot document, its metadata file form, the tree's orders and the list filters. */
class SnapshotModelTest {
    private static final String DOMAIN = "<domain type='qemu'>\n  <name>d</name>\n</domain>\n";

    private static SnapshotDef snap(String name, String parent, String state, String memory, SnapshotDef.Disk disk) {
        return new SnapshotDef(name, null, state, parent, 100, memory, null, List.of(disk), DOMAIN,
                "running".equals(state) ? DOMAIN : null, null);
    }

    @Test
    void metadataFileRoundTrip() throws Exception {
        SnapshotDef s = new SnapshotDef("s1", "a <b>", "running", "s0", 1234, "internal", null,
                List.of(SnapshotDef.Disk.internal("vda"),
                        new SnapshotDef.Disk("vdb", "external", "file", "qcow2", "/i/b.s1")),
                DOMAIN, DOMAIN, "<cookie>\n  <slirpHelper/>\n</cookie>\n");
        String xml = SnapshotXml.formatMetadata(s, true);
        assertTrue(xml.contains("  <description>a &lt;b&gt;</description>\n"), xml);
        assertTrue(xml.contains("  <parent>\n    <name>s0</name>\n  </parent>\n"), xml);
        assertTrue(xml.contains("    <disk name='vdb' snapshot='external' type='file'>\n      <driver type='qcow2'/>\n"
                + "      <source file='/i/b.s1'/>\n    </disk>\n"), xml);
        assertTrue(xml.contains("  <inactiveDomain type='qemu'>\n    <name>d</name>\n  </inactiveDomain>\n"), xml);
        assertTrue(xml.endsWith("  <active>1</active>\n</domainsnapshot>\n"), xml);
        SnapshotStore.Loaded back = SnapshotStore.read("<!--\nheader\n-->\n\n" + xml);
        assertTrue(back.current());
        assertEquals(SnapshotXml.format(s), SnapshotXml.format(back.def()));
    }

    @Test
    void childrenNewestFirstAndTopologicalOrder() {
        SnapshotTree t = new SnapshotTree();
        SnapshotDef.Disk vda = SnapshotDef.Disk.internal("vda");
        t.put(snap("s0", null, "shutoff", "no", vda));
        t.put(snap("s1", "s0", "shutoff", "no", vda));
        t.put(snap("s2", "s0", "running", "internal", vda));
        t.put(snap("s3", "s1", "disk-snapshot", "no", new SnapshotDef.Disk("vda", "external", "file", "qcow2", "/x")));
        assertEquals(List.of("s2", "s1"), t.children("s0").stream().map(SnapshotDef::name).toList());
        assertEquals(List.of("s0", "s2", "s1", "s3"), t.topological().stream().map(SnapshotDef::name).toList());
        assertEquals(List.of("s2", "s3"), names(SnapshotFilter.apply(t, t.all(), SnapshotFilter.LEAVES)));
        assertEquals(List.of("s3"), names(SnapshotFilter.apply(t, t.all(), SnapshotFilter.EXTERNAL)));
        assertEquals(List.of("s2"), names(SnapshotFilter.apply(t, t.all(), SnapshotFilter.ACTIVE)));
        assertEquals(List.of(), names(SnapshotFilter.apply(t, t.all(), SnapshotFilter.NO_METADATA)));
    }

    @Test
    void overlayNamesAsLibvirtGivesThem() {
        assertEquals("/i/disk.d1", DomainSnapshots.overlayName("/i/disk.qcow2", "d1"));
        assertEquals("/i.x/disk.d1", DomainSnapshots.overlayName("/i.x/disk", "d1"));
    }

    private static List<String> names(List<SnapshotDef> defs) {
        return defs.stream().map(SnapshotDef::name).toList();
    }

    @Test
    void aChildOfADeletedExternalSnapshotStartsFromTheMergedImage() {
        String recorded = String.join("\n", "<domain type='qemu'>", "  <devices>",
                "    <disk type='file' device='disk'>", "      <driver name='qemu' type='qcow2'/>",
                "      <source file='/i/top.qcow2'/>", "      <backingStore type='file'>",
                "        <format type='qcow2'/>", "        <source file='/i/base.qcow2'/>",
                "        <backingStore/>", "      </backingStore>", "      <target dev='vda' bus='virtio'/>",
                "    </disk>", "    <disk type='file' device='disk'>", "      <source file='/i/top.qcow2'/>",
                "      <target dev='vdb' bus='virtio'/>", "    </disk>", "  </devices>", "</domain>", "");
        String expected = String.join("\n", "<domain type='qemu'>", "  <devices>",
                "    <disk type='file' device='disk'>", "      <driver name='qemu' type='qcow2'/>",
                "      <source file='/i/base.qcow2'/>", "      <target dev='vda' bus='virtio'/>",
                "    </disk>", "    <disk type='file' device='disk'>", "      <source file='/i/top.qcow2'/>",
                "      <target dev='vdb' bus='virtio'/>", "    </disk>", "  </devices>", "</domain>", "");
        assertEquals(expected, ChildDisks.repointed(recorded,
                new ExternalMerge.Merged("vda", "/i/top.qcow2", "/i/base.qcow2")));
        assertEquals(null, ChildDisks.repointed(null, new ExternalMerge.Merged("vda", "/a", "/b")));
    }
}
