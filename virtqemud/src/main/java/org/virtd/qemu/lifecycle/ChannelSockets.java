package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.Devices.ChannelDef;
import org.virtd.conf.domain.DomainDef;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A started domain's channels: a unix channel written without a path listens on a socket
 * named after its target in the domain's channel directory ({@code channel/target/domain-ID-NAME}
 * below the driver's state directory, as libvirt does for the guest agent), and every virtio
 * channel starts out {@code disconnected} until the guest opens its port.
 */
final class ChannelSockets {

    private ChannelSockets() {
    }

    static DomainDef assign(DomainDef def, Path channelDir) throws VirtException {
        Devices d = def.devices();
        if (d == null || d.channels().isEmpty()) {
            return def;
        }
        List<ChannelDef> out = new ArrayList<>();
        boolean sockets = false;
        for (ChannelDef c : d.channels()) {
            String state = "virtio".equals(c.targetType()) ? "disconnected" : c.state();
            if ("unix".equals(c.type()) && c.sourcePath() == null && c.targetName() != null) {
                out.add(new ChannelDef(c.type(), "bind", channelDir.resolve(c.targetName()).toString(),
                        c.targetType(), c.targetName(), state, c.address(), c.alias()));
                sockets = true;
            } else {
                out.add(c.withLive(c.sourcePath(), state));
            }
        }
        if (sockets) {
            try {
                Files.createDirectories(channelDir);
            } catch (IOException e) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                        "Failed to create directory '" + channelDir + "': " + e.getMessage());
            }
        }
        return def.withDevices(new Devices(d.emulator(), d.disks(), d.controllers(), d.interfaces(), d.serials(),
                d.consoles(), d.inputs(), d.graphics(), d.audios(), d.videos(), d.memballoon(), out, d.sounds(),
                d.redirdevs(), d.rngs(), d.panics(), d.hubs()));
    }
}
