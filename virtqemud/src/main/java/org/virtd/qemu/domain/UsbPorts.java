package org.virtd.qemu.domain;

import org.virtd.conf.domain.DeviceAddress;
import org.virtd.conf.domain.Devices.ControllerDef;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;

import java.util.List;

/**
 * Ports of USB bus 0 handed out in libvirt's visiting order (inputs, then redirected devices):
 * port 1, 2, 3... A controller of model {@code none} forbids USB devices altogether.
 */
final class UsbPorts {

    private final boolean disabled;
    private int port = 1;

    UsbPorts(List<ControllerDef> controllers) {
        this.disabled = controllers.stream().anyMatch(c -> c.type().equals("usb") && "none".equals(c.model()));
    }

    /** The given address, or the next free port. */
    DeviceAddress next(DeviceAddress given) throws VirtException {
        if (disabled) {
            throw QemuDomainDefaults.qemu(ErrorCode.CONFIG_UNSUPPORTED,
                    "USB is disabled for this domain, but USB devices are present in the domain XML");
        }
        return given != null ? given : DeviceAddress.usb(0, port++);
    }
}
