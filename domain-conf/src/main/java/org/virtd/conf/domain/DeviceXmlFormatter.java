package org.virtd.conf.domain;

import org.virtd.conf.domain.Devices.ChannelDef;
import org.virtd.conf.domain.Devices.CharDevDef;
import org.virtd.conf.domain.Devices.ControllerDef;
import org.virtd.conf.domain.Devices.DirectSource;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.Devices.GraphicsDef;
import org.virtd.conf.domain.Devices.InputDef;
import org.virtd.conf.domain.Devices.InterfaceDef;
import org.virtd.conf.domain.Devices.NicSource;
import org.virtd.conf.domain.Devices.RngDef;
import org.virtd.conf.domain.Devices.SocketSource;
import org.virtd.conf.domain.Devices.VhostUserSource;
import org.virtd.conf.domain.Devices.VideoDef;

/** The {@code <devices>} half of {@link DomainXmlFormatter}, in libvirt's device order. */
final class DeviceXmlFormatter {

    private DeviceXmlFormatter() {
    }

    static void format(XmlWriter w, Devices d, DomainXmlFormatter.Options options) {
        w.open("devices");
        w.textElement("emulator", d.emulator());
        d.disks().forEach(disk -> disk(w, disk));
        d.controllers().forEach(c -> controller(w, c));
        d.interfaces().forEach(n -> nic(w, n));
        boolean live = options.id() >= 0;
        d.serials().forEach(s -> chardev(w, "serial", s, false));
        d.consoles().forEach(s -> chardev(w, "console", s, live));
        d.channels().forEach(c -> channel(w, c));
        for (InputDef in : d.inputs()) {
            w.open("input").attr("type", in.type()).attr("bus", in.bus());
            alias(w, in.alias());
            address(w, in.address());
            w.end("input");
        }
        d.graphics().forEach(g -> graphics(w, g, options.secure()));
        d.sounds().forEach(s -> {
            w.open("sound").attr("model", s.model());
            alias(w, s.alias());
            address(w, s.address());
            w.end("sound");
        });
        d.audios().forEach(a -> w.open("audio").attr("id", a.id()).attr("type", a.type()).end("audio"));
        d.videos().forEach(v -> video(w, v));
        d.redirdevs().forEach(r -> {
            w.open("redirdev").attr("bus", r.bus()).attr("type", r.type());
            alias(w, r.alias());
            address(w, r.address());
            w.end("redirdev");
        });
        d.hubs().forEach(h -> {
            w.open("hub").attr("type", h.type());
            alias(w, h.alias());
            address(w, h.address());
            w.end("hub");
        });
        if (d.memballoon() != null) {
            w.open("memballoon").attr("model", d.memballoon().model());
            if (d.memballoon().period() > 0) {
                w.open("stats").attr("period", d.memballoon().period()).end("stats");
            }
            alias(w, d.memballoon().alias());
            address(w, d.memballoon().address());
            w.end("memballoon");
        }
        d.rngs().forEach(r -> rng(w, r));
        d.panics().forEach(pd -> w.open("panic").attr("model", pd.model()).end("panic"));
        w.end("devices");
    }

    private static void disk(XmlWriter w, DiskDef disk) {
        w.open("disk").attr("type", disk.type()).attr("device", disk.device());
        if (disk.driverName() != null || disk.driverType() != null) {
            w.open("driver").attr("name", disk.driverName()).attr("type", disk.driverType())
                    .attr("cache", disk.driverCache()).attr("discard", disk.driverOptions().discard())
                    .attr("detect_zeroes", disk.driverOptions().detectZeroes()).end("driver");
        }
        if (disk.source() != null) {
            w.open("source").attr("block".equals(disk.type()) ? "dev" : "file", disk.source())
                    .attr("index", disk.sourceIndex() > 0 ? disk.sourceIndex() : null).end("source");
            BackingStoreXml.format(w, disk.backing(), disk.sourceIndex() > 0);
            if (disk.mirror() != null) {
                BackingStoreXml.formatMirror(w, disk.mirror());
            }
        } else if (disk.sourceIndex() > 0) {
            // an ejected medium of a running guest keeps the number of its empty source
            w.open("source").attr("index", disk.sourceIndex()).end("source");
        }
        w.open("target").attr("dev", disk.targetDev()).attr("bus", disk.targetBus()).end("target");
        iotune(w, disk.iotune());
        if (disk.readonly()) {
            w.open("readonly").end("readonly");
        }
        alias(w, disk.alias());
        address(w, disk.address());
        w.end("disk");
    }

    private static void controller(XmlWriter w, ControllerDef c) {
        // index -1 (not given) only survives in a definition no driver has completed yet
        w.open("controller").attr("type", c.type()).attr("index", c.index() >= 0 ? c.index() : null)
                .attr("model", c.model()).attr("ports", c.ports());
        if (c.modelName() != null) {
            w.open("model").attr("name", c.modelName()).end("model");
        }
        if (c.targetChassis() != null || c.targetPort() != null) {
            w.open("target").attr("chassis", c.targetChassis()).attr("port", c.targetPort()).end("target");
        }
        alias(w, c.alias());
        if (c.masterStartport() != null) {
            w.open("master").attr("startport", c.masterStartport()).end("master");
        }
        address(w, c.address());
        w.end("controller");
    }

    private static void iotune(XmlWriter w, DiskIoTune t) {
        if (!t.hasLimits()) {
            return;
        }
        w.open("iotune");
        for (int i = 0; i < DiskIoTune.NAMES.size(); i++) {
            String name = DiskIoTune.NAMES.get(i);
            if (t.get(name) != 0) {
                w.textElement(name, Long.toUnsignedString(t.get(name)));
            }
            if (i == DiskIoTune.GROUP_AFTER && t.groupName() != null) {
                w.textElement("group_name", t.groupName());
            }
        }
        w.end("iotune");
    }

    private static void bandwidth(XmlWriter w, NetBandwidth b) {
        if (b == null) {
            return;
        }
        if (b.isEmpty()) {
            // libvirt writes the emptied element with a line break inside
            w.rawLine("<bandwidth>").rawLine("</bandwidth>");
            return;
        }
        w.open("bandwidth");
        rate(w, "inbound", b.inbound());
        rate(w, "outbound", b.outbound());
        w.end("bandwidth");
    }

    private static void rate(XmlWriter w, String name, NetBandwidth.Rate r) {
        if (r == null) {
            return;
        }
        w.open(name).attr("average", nonZero(r.average())).attr("peak", nonZero(r.peak()))
                .attr("floor", nonZero(r.floor())).attr("burst", nonZero(r.burst())).end(name);
    }

    private static String nonZero(long v) {
        return v == 0 ? null : Long.toUnsignedString(v);
    }

    private static void nic(XmlWriter w, InterfaceDef n) {
        w.open("interface").attr("type", n.type());
        if (n.mac() != null) {
            w.open("mac").attr("address", n.mac()).end("mac");
        }
        if (n.sourceNetwork() != null || n.sourceBridge() != null) {
            w.open("source").attr("network", n.sourceNetwork()).attr("portid", n.portId())
                    .attr("bridge", n.sourceBridge()).end("source");
        }
        nicSource(w, n.source());
        bandwidth(w, n.bandwidth());
        if (n.targetDev() != null || n.targetManaged() != null) {
            w.open("target").attr("dev", n.targetDev()).attr("managed", n.targetManaged()).end("target");
        }
        if (n.model() != null) {
            w.open("model").attr("type", n.model()).end("model");
        }
        if (n.linkState() != null) {
            w.open("link").attr("state", n.linkState()).end("link");
        }
        if (n.mtu() > 0) {
            w.open("mtu").attr("size", Integer.toString(n.mtu())).end("mtu");
        }
        alias(w, n.alias());
        address(w, n.address());
        w.end("interface");
    }

    private static void nicSource(XmlWriter w, NicSource source) {
        if (source instanceof VhostUserSource v) {
            w.open("source").attr("type", "unix").attr("path", v.path()).attr("mode", v.mode());
            if (v.reconnect() != null) {
                w.open("reconnect").attr("enabled", v.reconnect())
                        .attr("timeout", "yes".equals(v.reconnect()) ? v.reconnectTimeout() : null).end("reconnect");
            }
            w.end("source");
        } else if (source instanceof SocketSource t) {
            w.open("source").attr("address", t.address()).attr("port", t.port());
            if (t.localAddress() != null) {
                w.open("local").attr("address", t.localAddress()).attr("port", t.localPort()).end("local");
            }
            w.end("source");
        } else if (source instanceof DirectSource d) {
            w.open("source").attr("dev", d.dev()).attr("mode", d.mode()).end("source");
        }
    }

    /** {@code withTty}: a running console shows its pty once more as {@code tty=}, for older clients. */
    private static void chardev(XmlWriter w, String kind, CharDevDef c, boolean withTty) {
        w.open(kind).attr("type", c.type())
                .attr("tty", withTty && "pty".equals(c.type()) ? c.sourcePath() : null);
        if (c.sourcePath() != null) {
            w.open("source").attr("path", c.sourcePath()).end("source");
        }
        if (c.logFile() != null) {
            w.open("log").attr("file", c.logFile()).attr("append", c.logAppend()).end("log");
        }
        w.open("target").attr("type", c.targetType()).attr("port", c.targetPort() >= 0 ? c.targetPort() : null);
        if (c.targetModel() != null) {
            w.open("model").attr("name", c.targetModel()).end("model");
        }
        w.end("target");
        alias(w, c.alias());
        w.end(kind);
    }

    private static void channel(XmlWriter w, ChannelDef c) {
        w.open("channel").attr("type", c.type());
        // a unix socket the driver names at start has no source in the inactive form
        if (c.sourcePath() != null) {
            w.open("source").attr("mode", c.sourceMode()).attr("path", c.sourcePath()).end("source");
        }
        w.open("target").attr("type", c.targetType()).attr("name", c.targetName()).attr("state", c.state())
                .end("target");
        alias(w, c.alias());
        address(w, c.address());
        w.end("channel");
    }

    private static void rng(XmlWriter w, RngDef r) {
        w.open("rng").attr("model", r.model());
        w.open("backend").attr("model", r.backendModel());
        if (r.backendSource() != null) {
            w.textAndEnd("backend", r.backendSource());
        } else {
            w.end("backend");
        }
        alias(w, r.alias());
        address(w, r.address());
        w.end("rng");
    }

    private static void graphics(XmlWriter w, GraphicsDef g, boolean secure) {
        if (g.socket() != null) {
            w.open("graphics").attr("type", g.type()).attr("socket", g.socket())
                    .attr("passwd", secure ? g.passwd() : null).attr("keymap", g.keymap());
            w.open("listen").attr("type", "socket").attr("socket", g.socket()).end("listen");
            w.end("graphics");
            return;
        }
        // SPICE leaves an unallocated port out where VNC shows -1
        Integer port = "spice".equals(g.type()) && g.port() <= 0 ? null : g.port();
        w.open("graphics").attr("type", g.type()).attr("port", port).attr("autoport", g.autoport())
                .attr("listen", g.listen()).attr("passwd", secure ? g.passwd() : null).attr("keymap", g.keymap());
        w.open("listen").attr("type", "address").attr("address", g.listen()).end("listen");
        if (g.imageCompression() != null) {
            w.open("image").attr("compression", g.imageCompression()).end("image");
        }
        w.end("graphics");
    }

    private static void video(XmlWriter w, VideoDef v) {
        w.open("video");
        w.open("model").attr("type", v.model()).attr("ram", v.ram()).attr("vram", v.vram())
                .attr("vgamem", v.vgamem()).attr("heads", v.heads()).attr("primary", v.primary() ? "yes" : null)
                .end("model");
        alias(w, v.alias());
        address(w, v.address());
        w.end("video");
    }

    private static void alias(XmlWriter w, String name) {
        if (name != null) {
            w.open("alias").attr("name", name).end("alias");
        }
    }

    private static void address(XmlWriter w, DeviceAddress a) {
        if (a == null) {
            return;
        }
        w.open("address").attr("type", a.type());
        a.attributes().forEach(at -> w.attr(at.name(), at.value()));
        w.end("address");
    }
}
