package org.virtd.qemu.lifecycle;

import org.junit.jupiter.api.Test;
import org.virtd.qemu.agent.GuestAgent.Vcpu;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Which vCPUs a guest agent is asked to switch to reach a count, and libvirt's refusals. */
class AgentVcpusTest {
    private static final List<Vcpu> GUEST = List.of(new Vcpu(0, true, false), new Vcpu(1, true, true),
            new Vcpu(2, false, true), new Vcpu(3, true, true));

    @Test
    void offlinableOnlineOnesGoFirstAndOfflineOnesComeBackInOrder() throws Exception {
        assertEquals(List.of(new Vcpu(1, false, true)), AgentVcpus.changes(GUEST, 2));
        assertEquals(List.of(new Vcpu(1, false, true), new Vcpu(3, false, true)), AgentVcpus.changes(GUEST, 1));
        assertEquals(List.of(new Vcpu(2, true, true)), AgentVcpus.changes(GUEST, 4));
        assertEquals(List.of(), AgentVcpus.changes(GUEST, 3));
    }

    @Test
    void refusals() {
        assertEquals(ErrorCode.INVALID_ARG, assertThrows(VirtException.class, () -> AgentVcpus.changes(GUEST, 0)).code());
        assertEquals("guest agent reports less cpu than requested",
                assertThrows(VirtException.class, () -> AgentVcpus.changes(GUEST, 5)).error().detail());
        assertEquals("Invalid data provided by guest agent", assertThrows(VirtException.class,
                () -> AgentVcpus.changes(List.of(new Vcpu(0, false, false)), 1)).error().detail());
    }
}
