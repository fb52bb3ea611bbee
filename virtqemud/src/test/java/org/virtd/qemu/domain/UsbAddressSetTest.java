package org.virtd.qemu.domain;

import org.junit.jupiter.api.Test;
import org.virtd.conf.domain.DeviceAddress;
import org.virtd.conf.domain.Devices.ControllerDef;
import org.virtd.conf.domain.Devices.HubDef;
import org.virtd.rpc.error.VirtException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UsbAddressSetTest {
    private static final ControllerDef UHCI = new ControllerDef("usb", 0, "piix3-uhci", null, null, null, null, null);

    @Test
    void freePortsOnTheBusFirstThenBehindItsHubs() throws VirtException {
        UsbAddressSet set = UsbAddressSet.of(List.of(UHCI), List.of(new HubDef("usb", DeviceAddress.usb(0, 1), null)));
        assertEquals("2", set.assign(null).get("port"));
        assertEquals("1.1", set.assign(null).get("port"));
        set.reserve(DeviceAddress.usb(0, "1.3"));
        assertEquals("1.2", set.assign(null).get("port"));
        assertEquals("1.4", set.assign(null).get("port"));
    }

    @Test
    void refusalsNameTheAddressAsLibvirtDoes() throws VirtException {
        UsbAddressSet set = UsbAddressSet.of(List.of(UHCI), List.of());
        set.reserve(DeviceAddress.usb(0, 1));
        assertEquals("XML error: Duplicate USB address bus 0 port 1",
                assertThrows(VirtException.class, () -> set.reserve(DeviceAddress.usb(0, 1))).getMessage());
        assertEquals("XML error: requested USB port 3 not present on USB bus 0",
                assertThrows(VirtException.class, () -> set.reserve(DeviceAddress.usb(0, 3))).getMessage());
        assertEquals("XML error: Missing USB bus 1",
                assertThrows(VirtException.class, () -> set.reserve(DeviceAddress.usb(1, 1))).getMessage());
        assertEquals("XML error: there is no hub at port 2 in USB address bus: 0 port: 2.1",
                assertThrows(VirtException.class, () -> set.reserve(DeviceAddress.usb(0, "2.1"))).getMessage());
        set.reserve(DeviceAddress.usb(0, 2));
        assertEquals("internal error: No free USB ports", assertThrows(VirtException.class, () -> set.assign(null)).getMessage());
    }

    @Test
    void portZeroAsksForAPort() {
        assertEquals(false, UsbAddressSet.hasPort(DeviceAddress.usb(0, 0)));
        assertEquals(true, UsbAddressSet.hasPort(DeviceAddress.usb(0, "1.2")));
    }
}
