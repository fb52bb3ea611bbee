package org.virtd.qemu.console;

import org.virtd.conf.domain.Devices;
import org.virtd.core.driver.Checks;
import org.virtd.core.driver.StreamChannel;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.lifecycle.DomainLifecycle;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.List;

/**
 * virDomainOpenChannel for the QEMU driver: the running domain's channel named by its alias or
 * its virtio target name (default: the first channel), which must be a UNIX socket, connected to
 * the call's stream, one stream per channel unless FORCE ends the old one.
 */
public final class Channels {
    public static final int FORCE = 1;

    private final DomainLifecycle lifecycle;
    private final DeviceStreams streams = new DeviceStreams("Active channel stream exists for this domain");

    public Channels(DomainLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    public void open(DomainObject dom, String name, int flags, StreamChannel stream) throws VirtException {
        Checks.flags(flags, FORCE, "qemuDomainOpenChannel", ErrorDomain.QEMU);
        DeviceStreams.required(stream, "channel");
        dom.lock().lock();
        try {
            RunningDomain rd = DeviceStreams.running(lifecycle, dom, ErrorDomain.DOMAIN);
            Devices.ChannelDef chr = find(rd, name);
            if (chr == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                        "cannot find channel " + shown(name));
            }
            if (!"unix".equals(chr.type())) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                        "channel " + shown(name) + " is not using a UNIX socket");
            }
            String path = chr.sourcePath();
            streams.attach(dom, rd, path, (flags & FORCE) != 0, stream, () -> UnixEndpoint.connect(path),
                    "Unable to connect to UNIX socket " + path);
        } finally {
            dom.lock().unlock();
        }
    }

    private static Devices.ChannelDef find(RunningDomain rd, String name) {
        List<Devices.ChannelDef> channels = rd.live().devices() == null ? List.of() : rd.live().devices().channels();
        if (name == null) {
            return channels.isEmpty() ? null : channels.get(0);
        }
        for (Devices.ChannelDef c : channels) {
            if (name.equals(c.alias()) || "virtio".equals(c.targetType()) && name.equals(c.targetName())) {
                return c;
            }
        }
        return null;
    }

    /** How libvirt prints a name the caller may have left out. */
    private static String shown(String name) {
        return name == null ? "<null>" : name;
    }
}
