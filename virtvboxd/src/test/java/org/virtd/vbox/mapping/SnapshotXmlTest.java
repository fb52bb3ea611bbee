package org.virtd.vbox.mapping;

import org.junit.jupiter.api.Test;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code <domainsnapshot>} documents virsh sends and reads back. */
class SnapshotXmlTest {

    @Test
    void createAsInput() throws Exception {
        assertEquals(new SnapshotXml.Request("s1", "d"), SnapshotXml.parse(
                "<domainsnapshot>\n  <name>s1</name>\n  <description>d</description>\n</domainsnapshot>", 5));
        assertEquals(new SnapshotXml.Request("5", ""), SnapshotXml.parse("<domainsnapshot/>", 5));
        assertEquals(ErrorCode.XML_ERROR, assertThrows(VirtException.class,
                () -> SnapshotXml.parse("<domain/>", 5)).code());
        assertEquals(ErrorCode.XML_ERROR, assertThrows(VirtException.class,
                () -> SnapshotXml.parse("<domainsnapshot>", 5)).code());
    }

    @Test
    void formatted() {
        UUID uuid = UUID.fromString("6d0a5c1e-2f6b-4f5e-9c1d-1a2b3c4d5e6f");
        assertEquals("""
                <domainsnapshot>
                  <name>s2</name>
                  <description>a &lt;b&gt;</description>
                  <state>running</state>
                  <parent>
                    <name>s1</name>
                  </parent>
                  <creationTime>1700000000</creationTime>
                  <domain type='vbox'>
                    <name>vm</name>
                    <uuid>6d0a5c1e-2f6b-4f5e-9c1d-1a2b3c4d5e6f</uuid>
                  </domain>
                </domainsnapshot>
                """, SnapshotXml.format(new SnapshotXml.Described("s2", "a <b>", "running", "s1", 1_700_000_000L,
                "vm", uuid)));
        // no description, no parent: those elements are left out
        assertTrue(SnapshotXml.format(new SnapshotXml.Described("s1", "", "shutoff", null, 0, "vm", uuid))
                .startsWith("<domainsnapshot>\n  <name>s1</name>\n  <state>shutoff</state>\n  <creationTime>0</creationTime>\n"));
    }
}
