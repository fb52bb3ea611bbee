package org.virtd.qemu.lifecycle;

import org.junit.jupiter.api.Test;
import org.virtd.conf.domain.DeviceAddress;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.domain.GuestEmulators;
import org.virtd.qemu.domain.QemuDomainDefaults;
import org.virtd.qemu.domain.QemuXmlConf;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;

import java.security.SecureRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class UsbHotplugPortsTest {
    private static DomainDef guest(String devices) throws Exception {
        String xml = "<domain type='qemu'><name>u</name><memory>131072</memory><os><type arch='x86_64'>hvm</type>"
                + "</os><devices>" + devices + "</devices></domain>";
        return new QemuDomainDefaults(GuestEmulators.builtIn(), new SecureRandom())
                .apply(QemuXmlConf.PARSER.parse(xml, false));
    }

    @Test
    void theTabletHoldsTheFirstOfTheUhcisTwoPorts() throws Exception {
        DomainDef def = guest("<input type='tablet' bus='usb'/>");
        assertEquals(DeviceAddress.usb(0, 2), UsbHotplugPorts.assign(def, null));
        VirtException taken = assertThrows(VirtException.class,
                () -> UsbHotplugPorts.assign(def, DeviceAddress.usb(0, 1)));
        assertEquals(ErrorCode.XML_ERROR, taken.code());
        VirtException missing = assertThrows(VirtException.class,
                () -> UsbHotplugPorts.assign(def, DeviceAddress.usb(0, 3)));
        assertEquals(ErrorCode.XML_ERROR, missing.code());
    }

    @Test
    void aFullBusAndNoBusAreRefused() throws Exception {
        DomainDef full = guest("<input type='tablet' bus='usb'/><input type='mouse' bus='usb'/>");
        assertEquals(ErrorCode.INTERNAL_ERROR,
                assertThrows(VirtException.class, () -> UsbHotplugPorts.assign(full, null)).code());
        DomainDef none = guest("<controller type='usb' model='none'/>");
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED,
                assertThrows(VirtException.class, () -> UsbHotplugPorts.requireBus(none)).code());
    }

    @Test
    void qemuXhciHasFourPorts() throws Exception {
        DomainDef def = guest("<controller type='usb' model='qemu-xhci'/>");
        assertEquals(DeviceAddress.usb(0, 4), UsbHotplugPorts.assign(def, DeviceAddress.usb(0, 4)));
        assertEquals(ErrorCode.XML_ERROR, assertThrows(VirtException.class,
                () -> UsbHotplugPorts.assign(def, DeviceAddress.usb(0, 5))).code());
    }
}
