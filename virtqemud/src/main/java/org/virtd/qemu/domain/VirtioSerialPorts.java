package org.virtd.qemu.domain;

import org.virtd.conf.domain.DeviceAddress;
import org.virtd.conf.domain.Devices.ChannelDef;

import java.util.ArrayList;
import java.util.List;

/**
 * virtio channels' {@code <address type='virtio-serial' controller= bus= port=>}: ports of
 * controller 0 bus 0 from 1 up in document order (port 0 is kept for a virtio console).
 */
final class VirtioSerialPorts {

    private VirtioSerialPorts() {
    }

    static List<ChannelDef> assign(List<ChannelDef> given) {
        int port = 1;
        for (ChannelDef c : given) {
            if (c.address() != null && "virtio-serial".equals(c.address().type())) {
                port = Math.max(port, c.address().number("port") + 1);
            }
        }
        List<ChannelDef> out = new ArrayList<>();
        for (ChannelDef c : given) {
            if (c.address() == null && "virtio".equals(c.targetType())) {
                c = c.withAddress(new DeviceAddress("virtio-serial", List.of(
                        new DeviceAddress.Attribute("controller", "0"), new DeviceAddress.Attribute("bus", "0"),
                        new DeviceAddress.Attribute("port", Integer.toString(port++)))));
            }
            out.add(c);
        }
        return out;
    }
}
