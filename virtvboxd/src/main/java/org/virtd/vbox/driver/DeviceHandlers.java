package org.virtd.vbox.driver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.core.driver.HandlerTable;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.vbox.manage.MachineInfo;
import org.virtd.vbox.mapping.DeviceChange;

import java.util.List;

/**
 * attach/detach/update-device (vbox-driver.md §2; issue 12 adds disks and NICs to libvirt's
 * shared folders): the {@link DeviceChange} steps run under the machine's lock, and VirtualBox
 * refuses what the machine's state does not allow (a NIC or hard disk of a running machine) with
 * its own error. A VirtualBox machine has one configuration, which a change to a powered-off
 * machine alters; LIVE asks for a running one ("domain is not running" otherwise), and update
 * with CONFIG is refused as libvirt's vbox driver refuses it.
 */
final class DeviceHandlers {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceHandlers.class);
    static final int LIVE = 1;
    static final int CONFIG = 2;

    private final MachinesSource machines;

    DeviceHandlers(MachinesSource machines) {
        this.machines = machines;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_ATTACH_DEVICE, (c, a) -> change(DeviceChange.Kind.ATTACH, a.domain(), a.xml(), 0));
        t.on(RemoteProgram.DOMAIN_DETACH_DEVICE, (c, a) -> change(DeviceChange.Kind.DETACH, a.domain(), a.xml(), 0));
        t.on(RemoteProgram.DOMAIN_ATTACH_DEVICE_FLAGS, (c, a) -> {
            Flags.check(a.flags(), LIVE | CONFIG, "vboxDomainAttachDeviceFlags");
            return change(DeviceChange.Kind.ATTACH, a.domain(), a.xml(), a.flags());
        });
        t.on(RemoteProgram.DOMAIN_DETACH_DEVICE_FLAGS, (c, a) -> {
            Flags.check(a.flags(), LIVE | CONFIG, "vboxDomainDetachDeviceFlags");
            return change(DeviceChange.Kind.DETACH, a.domain(), a.xml(), a.flags());
        });
        t.on(RemoteProgram.DOMAIN_UPDATE_DEVICE_FLAGS, (c, a) -> {
            Flags.check(a.flags(), LIVE | CONFIG, "vboxDomainUpdateDeviceFlags");
            if ((a.flags() & CONFIG) != 0) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.VBOX,
                        "cannot modify the persistent configuration of a domain");
            }
            return change(DeviceChange.Kind.UPDATE, a.domain(), a.xml(), a.flags());
        });
    }

    private Void change(DeviceChange.Kind kind, DomainRef ref, String xml, int flags) throws VirtException {
        Machines m = machines.get();
        m.locked(ref.javaUuid(), () -> {
            MachineInfo info = m.info(ref);
            if ((flags & LIVE) != 0 && !info.state().online()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.VBOX, "domain is not running");
            }
            List<List<String>> steps = DeviceChange.plan(kind, info, xml);
            for (int i = 0; i < steps.size(); i++) {
                try {
                    m.manage().call(steps.get(i).toArray(String[]::new));
                } catch (VirtException e) {
                    if (i > 0 && steps.get(0).get(0).equals("storagectl")) {
                        undoController(m, steps.get(0));
                    }
                    throw e;
                }
            }
            return null;
        });
        return null;
    }

    /** Removes the controller added for a disk whose attachment then failed. */
    private static void undoController(Machines m, List<String> added) {
        try {
            m.manage().call("storagectl", added.get(1), "--name", added.get(3), "--remove");
        } catch (VirtException e) {
            LOG.warn("cannot remove the controller added for a failed attach: {}", e.getMessage());
        }
    }
}
