package org.virtd.conf.domain;

import org.junit.jupiter.api.Test;
import org.virtd.rpc.error.VirtException;

import java.util.BitSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** CPU lists as libvirt writes them, the pinning APIs' bitmaps, and {@code <cputune>} checks. */
class CpuSetTest {

    @Test
    void listsParseAndPrintAsRanges() {
        assertEquals("0-1,4", CpuSet.format(CpuSet.parse("4, 0,1")));
        assertEquals("0,2-3", CpuSet.format(CpuSet.parse("0-3,^1")));
        assertEquals("7", CpuSet.format(CpuSet.parse("7")));
        assertNull(CpuSet.parse("r"));
        assertNull(CpuSet.parse("3-1"));
        assertNull(CpuSet.parse(""));
    }

    @Test
    void bitmapsHoldCpuIInBitIOfByteIOver8() {
        BitSet s = CpuSet.parse("0,9");
        byte[] map = CpuSet.toMap(s, 2);
        assertArrayEquals(new byte[] {1, 2}, map);
        assertEquals(s, CpuSet.fromMap(map));
        assertArrayEquals(new byte[] {1}, CpuSet.toMap(s, 1), "CPUs beyond the map are dropped");
    }

    @Test
    void cputuneKeepsPinsSortedAndRejectsBadOnes() throws Exception {
        DomainXmlParser parser = new DomainXmlParser(TestOptions.NEUTRAL);
        String head = "<domain type='qemu'><name>p</name><memory>65536</memory><vcpu>2</vcpu><cputune>";
        String tail = "</cputune><os><type>hvm</type></os></domain>";
        DomainDef def = parser.parse(head + "<vcpupin vcpu='1' cpuset='0'/><vcpupin vcpu='0' cpuset='1'/>" + tail,
                false);
        assertEquals("[0, 1]", def.cputune().vcpupins().keySet().toString());
        assertEquals(def, def.withCpuTune(def.cputune()));
        VirtException range = assertThrows(VirtException.class,
                () -> parser.parse(head + "<vcpupin vcpu='2' cpuset='0'/>" + tail, false));
        assertEquals("invalid argument: invalid setting for vcpu '2'", range.getMessage());
        VirtException bitmap = assertThrows(VirtException.class,
                () -> parser.parse(head + "<emulatorpin cpuset='x'/>" + tail, false));
        assertEquals("invalid argument: Failed to parse bitmap 'x'", bitmap.getMessage());
    }
}
