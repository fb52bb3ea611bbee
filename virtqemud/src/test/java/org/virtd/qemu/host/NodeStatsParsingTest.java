package org.virtd.qemu.host;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class NodeStatsParsingTest {
    private static final List<String> STAT = List.of(
            "cpu  100 5 20 300 4 1 2 0 0 0",
            "cpu0 60 5 10 150 2 1 1 0 0 0",
            "cpu1 40 0 10 150 2 0 1 0 0 0",
            "intr 12345");

    @Test
    void cpuCountersAreNanosecondsWithLibvirtsGrouping() {
        Map<String, Long> all = NodeCpuStats.parse(STAT, -1);
        assertEquals(List.of("kernel", "user", "idle", "iowait"), List.copyOf(all.keySet()));
        assertEquals(230_000_000L, all.get("kernel"));
        assertEquals(1_050_000_000L, all.get("user"));
        assertEquals(3_000_000_000L, all.get("idle"));
        assertEquals(40_000_000L, all.get("iowait"));
        assertEquals(120_000_000L, NodeCpuStats.parse(STAT, 0).get("kernel"));
        assertNull(NodeCpuStats.parse(STAT, 7));
    }

    @Test
    void memoryCountersForHostAndCell() {
        Map<String, Long> host = NodeMemoryStats.parse(List.of("MemTotal:       1000 kB", "MemFree:         400 kB",
                "MemAvailable:    600 kB", "Buffers:          10 kB", "Cached:           90 kB", "SwapCached: 0 kB"));
        assertEquals(Map.of("total", 1000L, "free", 400L, "buffers", 10L, "cached", 90L), host);
        assertEquals(List.of("total", "free", "buffers", "cached"), List.copyOf(host.keySet()));
        Map<String, Long> cell = NodeMemoryStats.parse(List.of("Node 0 MemTotal:  1000 kB", "Node 0 MemFree: 300 kB",
                "Node 0 FilePages: 5 kB"));
        assertEquals(List.of("total", "free"), List.copyOf(cell.keySet()));
    }

    @Test
    void cpuListsAndTheirWireMap() throws Exception {
        var set = CpuList.parse("0-2,5\n");
        assertEquals(4, set.cardinality());
        assertArrayEquals(new byte[] {0x27}, CpuList.bytes(set, 6));
        assertArrayEquals(new byte[] {0x07, 0x01}, CpuList.bytes(CpuList.parse("0-2,8"), 9));
    }
}
