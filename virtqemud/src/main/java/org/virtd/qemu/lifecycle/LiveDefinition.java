package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.process.QemuLaunchSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The running definition derived from the one a domain was started with (qemu-driver.md §2,
 * live XML): pty serials, consoles and channels get the {@code /dev/pts/N} QEMU allocated as their source
 * path, VNC and SPICE graphics the port and address QEMU listens on, devices their aliases
 * ({@link DeviceAliases}), and memory is rounded up to a whole MiB as QEMU sees it (disk images
 * were numbered before the launch, {@link DiskChains}).
 */
final class LiveDefinition {

    private LiveDefinition() {
    }

    /**
     * @param ptys chardev label ({@code charserial0}) → pty path, from {@code query-chardev}
     * @param displays the VNC and SPICE displays QEMU was started with, one per graphics device
     */
    static DomainDef of(DomainDef def, Map<String, String> ptys, List<QemuLaunchSpec.Display> displays) {
        DomainDef out = def;
        long mib = (def.memoryKiB() + 1023) / 1024 * 1024;
        long current = def.currentMemoryKiB() == 0 ? def.memoryKiB() : def.currentMemoryKiB();
        if (mib != def.memoryKiB()) {
            out = out.withMemory(mib, current == def.memoryKiB() ? mib : current);
        }
        Devices d = def.devices();
        if (d == null) {
            return out;
        }
        List<Devices.CharDevDef> serials = new ArrayList<>();
        for (Devices.CharDevDef s : d.serials()) {
            serials.add(withPty(s, ptys.get("charserial" + Math.max(s.targetPort(), 0))));
        }
        List<Devices.CharDevDef> consoles = new ArrayList<>();
        for (Devices.CharDevDef c : d.consoles()) {
            consoles.add(withPty(c, ptys.get("charserial" + Math.max(c.targetPort(), 0))));
        }
        List<Devices.ChannelDef> channels = new ArrayList<>();
        for (int i = 0; i < d.channels().size(); i++) {
            Devices.ChannelDef c = d.channels().get(i);
            String pty = ptys.get("charchannel" + i);
            channels.add("pty".equals(c.type()) && pty != null ? c.withLive(pty, c.state()) : c);
        }
        List<Devices.GraphicsDef> graphics = new ArrayList<>();
        for (int i = 0; i < d.graphics().size(); i++) {
            Devices.GraphicsDef g = d.graphics().get(i);
            QemuLaunchSpec.Display display = i < displays.size() ? displays.get(i) : null;
            if (display == null || !display.type().equals(g.type())) {
                graphics.add(g);
            } else {
                graphics.add(display.socket() != null ? g.onSocket(display.socket().toString())
                        : g.at(display.port(), display.listen()));
            }
        }
        return DeviceAliases.assign(out.withDevices(new Devices(d.emulator(), d.disks(),
                d.controllers(), d.interfaces(), serials, consoles, d.inputs(), graphics, d.audios(), d.videos(),
                d.memballoon(), channels, d.sounds(), d.redirdevs(), d.rngs(), d.panics(), d.hubs())));
    }

    /** {@code def} without the pty paths QEMU allocated (they mean nothing to another run). */
    static DomainDef withoutPtys(DomainDef def) {
        Devices d = def.devices();
        if (d == null) {
            return def;
        }
        List<Devices.CharDevDef> serials = d.serials().stream().map(LiveDefinition::withoutPty).toList();
        List<Devices.CharDevDef> consoles = d.consoles().stream().map(LiveDefinition::withoutPty).toList();
        return def.withDevices(new Devices(d.emulator(), d.disks(), d.controllers(), d.interfaces(), serials,
                consoles, d.inputs(), d.graphics(), d.audios(), d.videos(), d.memballoon(), d.channels(), d.sounds(),
                d.redirdevs(), d.rngs(), d.panics(), d.hubs()));
    }

    private static Devices.CharDevDef withoutPty(Devices.CharDevDef c) {
        return c.type() == null || "pty".equals(c.type()) ? c.withSourcePath(null) : c;
    }

    private static Devices.CharDevDef withPty(Devices.CharDevDef c, String pty) {
        if (pty == null || (c.type() != null && !"pty".equals(c.type()))) {
            return c;
        }
        return c.withSourcePath(pty);
    }

    /** The pty of the serial port a console or serial device name ({@code serial0}, {@code console0}) means. */
    static String ptyOf(DomainDef live, String devName) {
        Devices d = live.devices();
        if (d == null) {
            return null;
        }
        if (devName == null) {
            if (!d.consoles().isEmpty()) {
                return d.consoles().get(0).sourcePath();
            }
            return d.serials().isEmpty() ? null : d.serials().get(0).sourcePath();
        }
        for (int i = 0; i < d.serials().size(); i++) {
            if (devName.equals("serial" + i)) {
                return d.serials().get(i).sourcePath();
            }
        }
        for (int i = 0; i < d.consoles().size(); i++) {
            if (devName.equals("console" + i)) {
                return d.consoles().get(i).sourcePath();
            }
        }
        return null;
    }
}
