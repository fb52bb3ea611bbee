package org.virtd.qemu.hostnet;

import org.junit.jupiter.api.Test;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NetworkPortsTest {

    @Test
    void theTapGoesOnTheBridgeThePortNames() throws VirtException {
        assertEquals("virbr0", NetworkPorts.bridge("<networkport><uuid>u</uuid><mac address='52:54:00:00:00:01'/>"
                + "<plug type='network' bridge='virbr0'/></networkport>", "default"));
        assertEquals("br0", NetworkPorts.bridge("<networkport><plug type='bridge' bridge='br0' macTableManager='kernel'/>"
                + "</networkport>", "host-bridge"));
    }

    @Test
    void plugsOtherThanABridgeAreRefusedByName() {
        VirtException direct = assertThrows(VirtException.class, () -> NetworkPorts.bridge(
                "<networkport><plug type='direct' dev='eth0' mode='vepa'/></networkport>", "macvtap"));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, direct.code());
        assertEquals("unsupported configuration: network 'macvtap' gives ports of plug type 'direct', only bridges "
                + "are supported here", direct.getMessage());
        assertThrows(VirtException.class, () -> NetworkPorts.bridge("<networkport/>", "none"));
    }
}
