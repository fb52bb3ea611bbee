package org.virtd.qemu.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.domain.DeviceAddress;
import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.Devices.InterfaceDef;
import org.virtd.conf.domain.DiskOrder;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.domain.DeviceSlots;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.hostnet.HostNics;
import org.virtd.qemu.process.QemuCommandLine;
import org.virtd.qemu.process.QemuLaunchSpec;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.DeviceAddedEvent;
import org.virtd.rpc.remote.types.DeviceRemovedEvent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Devices added to and removed from a running guest (libvirt's qemu_hotplug): disks as a
 * {@code blockdev-add} pair (the next node index) and {@code device_add}, NICs as
 * {@code netdev_add} and {@code device_add}, removal by {@code device_del} and the guest's
 * DEVICE_DELETED (awaited up to libvirt's 5 s; a later one finishes the removal), NIC link
 * state and removable media. Every change lands in the live definition and the status file
 * and raises DEVICE_ADDED / DEVICE_REMOVED. Callers hold the domain's lock.
 */
public final class LiveDevices {
    private static final Logger LOG = LoggerFactory.getLogger(LiveDevices.class);
    /** How long libvirt waits for the guest to release a device before it answers. */
    static final Duration REMOVAL_TIMEOUT = Duration.ofSeconds(5);

    private final DomainLifecycle lifecycle;

    public LiveDevices(DomainLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    private RunningDomain active(DomainObject dom) throws VirtException {
        RunningDomain rd = lifecycle.running(dom);
        if (rd == null || !dom.isActive() || rd.stopped) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running");
        }
        return rd;
    }

    /** Plugs {@code disk} (a parsed {@code <disk>}) into the running guest. */
    public void attachDisk(DomainObject dom, DiskDef disk) throws VirtException {
        RunningDomain rd = active(dom);
        DomainDef live = rd.live();
        boolean usb = "usb".equals(disk.targetBus());
        if (usb) {
            UsbHotplugPorts.requireBus(live);
        }
        for (DiskDef k : live.devices().disks()) {
            if (k.targetDev().equals(disk.targetDev())) {
                if ("cdrom".equals(disk.device()) || "floppy".equals(disk.device())) {
                    // a removable drive at that target gets the new medium instead
                    changeMedia(dom, k, disk.source(), disk.driverType());
                    return;
                }
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "target '" + disk.targetDev()
                        + "' duplicated for disk sources '" + k.source() + "' and '" + disk.source() + "'");
            }
        }
        String bus = disk.targetBus();
        DiskHotplugRules.checkKind(disk, live);
        boolean ideLike = "sata".equals(bus) || "ide".equals(bus);
        if (!"virtio".equals(bus) && !"scsi".equals(bus) && !ideLike && !usb) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "disk bus '" + bus + "' cannot be hotplugged.");
        }
        // a USB port is taken before the disk's node number is spent
        DeviceAddress usbPort = usb ? UsbHotplugPorts.assign(live, disk.address()) : null;
        int node = nextNode(rd);
        DiskHotplugRules.checkController(disk, live);
        if (disk.source() == null || !java.nio.file.Files.exists(Path.of(disk.source()))) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.STORAGE, "Cannot access storage file '"
                    + disk.source() + "': No such file or directory");
        }
        boolean q35 = isQ35(live);
        QmpClient m = rd.process().monitor();
        int index = Math.max(DiskOrder.targetIndex(disk.targetDev()), 0);
        DeviceAddress addr;
        String alias;
        JsonObject device;
        QemuLaunchSpec.Disk spec;
        String format = "libvirt-" + node + "-format";
        if (ideLike) {
            // QEMU refuses these (its IDE buses are not hotpluggable): the answer is its error
            addr = DiskHotplugRules.driveAddress(disk);
            Devices.DiskDef placed = disk.withBusAndAddress(disk.driverName(), disk.driverType(), bus, disk.readonly(),
                    addr);
            alias = DeviceAliases.diskAlias(placed, live.devices().controllers());
            spec = new QemuLaunchSpec.Disk(Path.of(disk.source()), disk.driverType(), disk.targetDev(),
                    QemuLaunchSpec.Bus.valueOf(bus.toUpperCase(java.util.Locale.ROOT)), "cdrom".equals(disk.device()),
                    disk.readonly() || "cdrom".equals(disk.device()), 0, 0, List.of(),
                    LaunchSpecMapping.drive(placed.withAlias(alias), live), LaunchSpecMapping.tuning(disk));
            device = QemuCommandLine.diskDevice(spec, node);
        } else if ("scsi".equals(bus)) {
            Devices.ControllerDef c = scsiController(rd, index / 7);
            live = rd.live();
            int unit = index % 7;
            boolean lsi = "lsilogic".equals(c.model());
            alias = lsi ? "scsi" + c.index() + "-0-" + unit : "scsi" + c.index() + "-0-0-" + unit;
            addr = DeviceAddress.drive(c.index(), 0, 0, unit);
            spec = new QemuLaunchSpec.Disk(Path.of(disk.source()), disk.driverType(), disk.targetDev(),
                    QemuLaunchSpec.Bus.SCSI, false, disk.readonly(), 0, 0, List.of(), null,
                    LaunchSpecMapping.tuning(disk));
            device = JsonObject.of("driver", "scsi-hd", "bus", "scsi" + c.index() + ".0");
            device = lsi ? device.with("scsi-id", (long) unit)
                    : device.with("channel", 0L).with("scsi-id", 0L).with("lun", (long) unit);
            device = device.with("device_id", "drive-" + alias).with("drive", format).with("id", alias);
        } else if (usb) {
            // usb-storage on a free port of the guest's USB bus, its id usb-diskN by target
            addr = usbPort;
            alias = "usb-disk" + index;
            spec = new QemuLaunchSpec.Disk(Path.of(disk.source()), disk.driverType(), disk.targetDev(),
                    QemuLaunchSpec.Bus.VIRTIO, false, disk.readonly(), 0, 0, List.of(), null,
                    LaunchSpecMapping.tuning(disk));
            device = QemuCommandLine.usbRemovable(JsonObject.of("driver", "usb-storage", "bus",
                    UsbHotplugPorts.qemuBus(addr.number("bus")), "port", addr.get("port"), "drive", format, "id", alias));
        } else {
            addr = disk.address() != null ? disk.address() : DeviceSlots.next(live, true);
            alias = "virtio-disk" + index;
            spec = new QemuLaunchSpec.Disk(Path.of(disk.source()), disk.driverType(), disk.targetDev(),
                    QemuLaunchSpec.Bus.VIRTIO, false, disk.readonly(), 0, 0, List.of(), null,
                    LaunchSpecMapping.tuning(disk));
            device = QemuCommandLine.atPci(QemuCommandLine.diskDevice(spec, node), PlatformArgs.pciPlace(addr, q35));
        }
        String wc = QemuCommandLine.writeCache(disk.driverCache());
        if (wc != null) {
            device = device.with("write-cache", wc);
        }
        DiskDef k = disk.withBusAndAddress(disk.driverName() == null ? "qemu" : disk.driverName(),
                disk.driverType() == null ? "raw" : disk.driverType(), bus, disk.readonly(), addr)
                .withAlias(alias).withSourceIndex(node);
        lifecycle.labelDisk(rd.live(), Path.of(disk.source()), disk.readonly() || "cdrom".equals(disk.device()));
        // a block device needs the guest's device ACL to let QEMU open it (a plain file needs nothing)
        lifecycle.cgroups().allowDevice(rd, disk.source(), disk.readonly() || "cdrom".equals(disk.device()));
        try {
            m.execute("blockdev-add", QemuCommandLine.withCache(QemuCommandLine.blockdevStorage(spec, node),
                    disk.driverCache()));
            try {
                m.execute("blockdev-add", QemuCommandLine.withCache(QemuCommandLine.blockdevFormat(spec, node),
                        disk.driverCache()));
                try {
                    m.execute("device_add", device);
                } catch (VirtException e) {
                    quietly(m, "blockdev-del", JsonObject.of("node-name", format));
                    throw e;
                }
            } catch (VirtException e) {
                quietly(m, "blockdev-del", JsonObject.of("node-name", "libvirt-" + node + "-storage"));
                throw e;
            }
        } catch (VirtException e) {
            denyDeviceQuietly(rd, disk.source(), live);
            throw e;
        }
        List<DiskDef> disks = new ArrayList<>(live.devices().disks());
        DiskOrder.insert(disks, k);
        publish(rd, live.withDevices(live.devices().withDisks(disks)));
        lifecycle.events().domainEvent(new DeviceAddedEvent(dom.ref(), k.alias()));
    }

    /**
     * The SCSI controller {@code index} a new SCSI disk goes on; when the guest has none, one of
     * libvirt's default model (lsilogic) is plugged first at the next free PCI slot.
     */
    private Devices.ControllerDef scsiController(RunningDomain rd, int index) throws VirtException {
        for (Devices.ControllerDef c : rd.live().devices().controllers()) {
            if ("scsi".equals(c.type()) && Math.max(c.index(), 0) == index) {
                return c;
            }
        }
        return scsiController(rd, index, "lsilogic");
    }

    private Devices.ControllerDef scsiController(RunningDomain rd, int index, String model) throws VirtException {
        String driver = switch (model) {
            case "lsilogic" -> "lsi";
            case "virtio-scsi" -> "virtio-scsi-pci";
            default -> throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "SCSI controller model '" + model + "' is not supported");
        };
        DomainDef live = rd.live();
        boolean pcie = "virtio-scsi".equals(model);
        DeviceAddress addr = DeviceSlots.next(live, pcie);
        Devices.ControllerDef c = new Devices.ControllerDef("scsi", index, model, null, null, null, null, addr,
                "scsi" + index, null);
        rd.process().monitor().execute("device_add", QemuCommandLine.atPci(
                JsonObject.of("driver", driver, "id", "scsi" + index), PlatformArgs.pciPlace(addr, isQ35(live))));
        List<Devices.ControllerDef> controllers = new ArrayList<>(live.devices().controllers());
        controllers.add(c);
        publish(rd, live.withDevices(live.devices().withControllersInputsAudios(controllers, live.devices().inputs(),
                live.devices().audios())));
        return c;
    }

    /**
     * A pty serial port: its chardev, then the isa-serial device (which QEMU refuses to hot-plug
     * on ISA; the chardev goes again then, and QEMU's answer is the error).
     */
    public void attachSerial(DomainObject dom, Devices.CharDevDef serial) throws VirtException {
        RunningDomain rd = active(dom);
        DomainDef live = rd.live();
        int port = serial.targetPort();
        if (port < 0) {
            port = 0;
            for (Devices.CharDevDef s : live.devices().serials()) {
                port = Math.max(port, s.targetPort() + 1);
            }
        }
        String id = "charserial" + port;
        QmpClient m = rd.process().monitor();
        var reply = m.execute("chardev-add", JsonObject.of("id", id, "backend",
                JsonObject.of("type", "pty", "data", JsonObject.of())));
        try {
            m.execute("device_add", JsonObject.of("driver", "isa-serial", "chardev", id, "id", "serial" + port,
                    "index", (long) port));
        } catch (VirtException e) {
            quietly(m, "chardev-remove", JsonObject.of("id", id));
            throw e;
        }
        String pty = reply instanceof JsonObject o ? o.string("pty", null) : null;
        Devices.CharDevDef s = serial.withTarget("isa-serial", port, "isa-serial").withSourcePath(pty)
                .withAlias("serial" + port);
        List<Devices.CharDevDef> serials = new ArrayList<>(live.devices().serials());
        serials.add(s);
        publish(rd, live.withDevices(live.devices().withCharDevices(serials, live.devices().consoles())));
        lifecycle.events().domainEvent(new DeviceAddedEvent(dom.ref(), s.alias()));
    }

    /** Controllers a running guest can take: SCSI ones (others are refused as libvirt refuses them). */
    public void attachController(DomainObject dom, Devices.ControllerDef c) throws VirtException {
        RunningDomain rd = active(dom);
        if (!"scsi".equals(c.type())) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "'" + c.type() + "' controller cannot be hot plugged.");
        }
        int index = c.index() >= 0 ? c.index() : 0;
        for (Devices.ControllerDef x : rd.live().devices().controllers()) {
            if ("scsi".equals(x.type()) && Math.max(x.index(), 0) == index) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                        "target scsi:" + index + " already exists");
            }
        }
        Devices.ControllerDef added = scsiController(rd, index, c.model() == null ? "lsilogic" : c.model());
        lifecycle.events().domainEvent(new DeviceAddedEvent(dom.ref(), added.alias()));
    }

    /**
     * Plugs a NIC ({@code user}, {@code ethernet}, {@code bridge}, {@code network} or {@code vhostuser})
     * with its MAC and model already filled; other types are refused as at start (HostNics).
     */
    public void attachNic(DomainObject dom, InterfaceDef nic) throws VirtException {
        if (nic.socket() != null) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "hotplug of interface type of " + nic.type() + " is not implemented yet");
        }
        RunningDomain rd = active(dom);
        DomainDef live = rd.live();
        for (InterfaceDef n : live.devices().interfaces()) {
            if (n.mac() != null && n.mac().equalsIgnoreCase(nic.mac())) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                        "domain already contains a device with MAC address " + nic.mac());
            }
        }
        int idx = 0;
        for (InterfaceDef n : live.devices().interfaces()) {
            if (n.alias() != null && n.alias().matches("net\\d+")) {
                idx = Math.max(idx, Integer.parseInt(n.alias().substring(3)) + 1);
            }
        }
        boolean pcie = "virtio".equals(nic.model()) || "e1000e".equals(nic.model());
        DeviceAddress addr = nic.address() != null ? nic.address() : DeviceSlots.next(live, pcie);
        if (HostNics.tapType(nic)) {
            // QEMU opens its tap by name here: a guest that started without one needs the nodes now
            lifecycle.cgroups().allowDevice(rd, "/dev/net/tun", false);
            lifecycle.cgroups().allowDevice(rd, "/dev/vhost-net", false);
        }
        DomainDef one = live.withDevices(Devices.empty().withInterfaces(List.of(nic)));
        InterfaceDef n = lifecycle.hostNics().connect(one).devices().interfaces().get(0)
                .with(nic.mac(), nic.model(), addr).withAlias("net" + idx);
        DomainDef mine = live.withDevices(Devices.empty().withInterfaces(List.of(n)));
        QmpClient m = rd.process().monitor();
        QemuLaunchSpec.Nic spec = "user".equals(n.type()) ? new QemuLaunchSpec.Nic(n.mac(), n.model(), 0)
                : n.source() != null ? LaunchSpecMapping.nic(n, 0, false)
                : new QemuLaunchSpec.Nic(n.mac(), n.model(), 0, n.targetDev(),
                        "virtio".equals(n.model()) || "e1000e".equals(n.model()), false, 0);
        String netdev = "hostnet" + idx;
        try {
            if (spec.vhostUser() != null) {
                m.execute("chardev-add", QemuCommandLine.vhostUserChardevAdd(spec.vhostUser(), QemuCommandLine.chardevOf(netdev)));
            }
            try {
                m.execute("netdev_add", QemuCommandLine.netdev(spec, netdev));
                try {
                    m.execute("device_add", QemuCommandLine.atPci(QemuCommandLine.nicDevice(spec, idx),
                            PlatformArgs.pciPlace(addr, isQ35(live))));
                } catch (VirtException e) {
                    quietly(m, "netdev_del", JsonObject.of("id", netdev));
                    throw e;
                }
            } catch (VirtException e) {
                if (spec.vhostUser() != null) {
                    quietly(m, "chardev-remove", JsonObject.of("id", QemuCommandLine.chardevOf(netdev)));
                }
                throw e;
            }
            if ("down".equals(n.linkState())) {
                m.execute("set_link", JsonObject.of("name", n.alias(), "up", false));
            }
        } catch (VirtException e) {
            lifecycle.hostNics().release(mine);
            throw e;
        }
        List<InterfaceDef> nics = new ArrayList<>(live.devices().interfaces());
        nics.add(n);
        publish(rd, live.withDevices(live.devices().withInterfaces(nics)));
        lifecycle.events().domainEvent(new DeviceAddedEvent(dom.ref(), n.alias()));
    }

    /**
     * Asks the guest to let the device {@code alias} go and waits for it (bounded); a guest that
     * does not answer in time keeps the device until QEMU reports it gone.
     */
    public void detach(DomainObject dom, String alias) throws VirtException {
        detach(dom, alias, false);
    }

    /** With {@code async} the call returns once QEMU has the request; the removal follows QEMU's event. */
    public void detach(DomainObject dom, String alias, boolean async) throws VirtException {
        RunningDomain rd = active(dom);
        if (async) {
            rd.process().monitor().execute("device_del", JsonObject.of("id", alias));
            return;
        }
        CompletableFuture<Void> gone = rd.deletions.expect(alias);
        try {
            rd.process().monitor().execute("device_del", JsonObject.of("id", alias));
        } catch (VirtException e) {
            rd.deletions.cancel(alias, gone);
            throw e;
        }
        if (rd.deletions.await(alias, gone, REMOVAL_TIMEOUT)) {
            removed(rd, alias);
        }
    }

    /** QEMU deleted {@code alias}: its backend goes, then the live definition forgets it. */
    void removed(RunningDomain rd, String alias) {
        if (rd.stopped || rd.process() == null) {
            return;
        }
        DomainDef live = rd.live();
        Devices d = live.devices();
        QmpClient m = rd.process().monitor();
        DomainDef after = null;
        for (DiskDef k : d.disks()) {
            if (alias.equals(k.alias())) {
                quietly(m, "blockdev-del", JsonObject.of("node-name", "libvirt-" + k.sourceIndex() + "-format"));
                quietly(m, "blockdev-del", JsonObject.of("node-name", "libvirt-" + k.sourceIndex() + "-storage"));
                if (k.source() != null && "file".equals(k.type())) {
                    lifecycle.releaseDisk(live, Path.of(k.source()), k.readonly() || "cdrom".equals(k.device()));
                }
                after = live.withDevices(d.withDisks(d.disks().stream().filter(x -> x != k).toList()));
                denyDeviceQuietly(rd, k.source(), after);
            }
        }
        for (InterfaceDef n : d.interfaces()) {
            if (alias.equals(n.alias())) {
                quietly(m, "netdev_del", JsonObject.of("id", "host" + alias));
                if (n.vhostUser() != null) {
                    quietly(m, "chardev-remove", JsonObject.of("id", QemuCommandLine.chardevOf("host" + alias)));
                }
                lifecycle.hostNics().release(live.withDevices(Devices.empty().withInterfaces(List.of(n))));
                after = live.withDevices(d.withInterfaces(d.interfaces().stream().filter(x -> x != n).toList()));
            }
        }
        if (after == null) {
            return;
        }
        publish(rd, after);
        lifecycle.events().domainEvent(new DeviceRemovedEvent(rd.domain().ref(), alias));
    }

    /** Takes {@code source} out of the guest's device ACL unless a disk of {@code left} still uses it. */
    private void denyDeviceQuietly(RunningDomain rd, String source, DomainDef left) {
        if (source == null || left.devices().disks().stream().anyMatch(x -> source.equals(x.source()))) {
            return;
        }
        try {
            lifecycle.cgroups().denyDevice(rd, source);
        } catch (VirtException e) {
            LOG.warn("cannot take {} out of the device ACL: {}", source, e.getMessage());
        }
    }

    /** {@code <link state=>} of the running NIC {@code alias} through QMP set_link. */
    public void setLink(DomainObject dom, String alias, boolean up) throws VirtException {
        RunningDomain rd = active(dom);
        rd.process().monitor().execute("set_link", JsonObject.of("name", alias, "up", up));
        DomainDef live = rd.live();
        List<InterfaceDef> nics = new ArrayList<>();
        for (InterfaceDef n : live.devices().interfaces()) {
            nics.add(alias.equals(n.alias()) ? n.withLinkState(up ? "up" : "down") : n);
        }
        publish(rd, live.withDevices(live.devices().withInterfaces(nics)));
    }

    /**
     * New media in the running cdrom/floppy {@code alias} ({@code source} null: eject): the tray
     * opens, the old medium goes, the new one (a fresh node pair) goes in, the tray closes.
     */
    public void changeMedia(DomainObject dom, DiskDef current, String source, String format)
            throws VirtException {
        RunningDomain rd = active(dom);
        QmpClient m = rd.process().monitor();
        String id = current.alias();
        m.execute("blockdev-open-tray", JsonObject.of("id", id, "force", true));
        m.execute("blockdev-remove-medium", JsonObject.of("id", id));
        if (current.source() != null && current.sourceIndex() > 0) {
            quietly(m, "blockdev-del", JsonObject.of("node-name", "libvirt-" + current.sourceIndex() + "-format"));
            quietly(m, "blockdev-del", JsonObject.of("node-name", "libvirt-" + current.sourceIndex() + "-storage"));
        }
        DomainDef live = rd.live();
        // an empty drive's source is numbered too
        int node = nextNode(rd);
        if (source != null) {
            QemuLaunchSpec.Disk spec = new QemuLaunchSpec.Disk(Path.of(source), format == null ? "raw" : format,
                    current.targetDev(), QemuLaunchSpec.Bus.IDE, true, true, 0);
            lifecycle.labelDisk(live, Path.of(source), true);
            m.execute("blockdev-add", QemuCommandLine.blockdevStorage(spec, node));
            m.execute("blockdev-add", QemuCommandLine.blockdevFormat(spec, node));
            m.execute("blockdev-insert-medium", JsonObject.of("id", id, "node-name", "libvirt-" + node + "-format"));
        }
        m.execute("blockdev-close-tray", JsonObject.of("id", id));
        DiskDef changed = new DiskDef(current.type(), current.device(), current.driverName(),
                source == null ? current.driverType() : (format == null ? "raw" : format), source,
                current.targetDev(), current.targetBus(), current.readonly(), current.address(), current.alias(),
                node, current.driverCache()).withDriverOptions(current.driverOptions());
        List<DiskDef> disks = new ArrayList<>();
        for (DiskDef k : live.devices().disks()) {
            disks.add(k == current || id.equals(k.alias()) ? changed : k);
        }
        publish(rd, live.withDevices(live.devices().withDisks(disks)));
    }

    private void publish(RunningDomain rd, DomainDef live) {
        rd.live(live);
        rd.domain().setActive(rd.id(), live);
        lifecycle.writeStatus(rd);
    }

    /** libvirt's node names count up from the highest index the run has used, removed ones included. */
    private static int nextNode(RunningDomain rd) {
        int max = rd.lastNode;
        for (DiskDef k : rd.live().devices().disks()) {
            max = Math.max(max, k.sourceIndex());
        }
        rd.lastNode = max + 1;
        return max + 1;
    }

    private static boolean isQ35(DomainDef def) {
        return def.os().machine() != null && def.os().machine().contains("q35");
    }

    private static void quietly(QmpClient m, String command, JsonObject args) {
        try {
            m.execute(command, args);
        } catch (VirtException e) {
            LOG.debug("{} {} failed: {}", command, args.toJson(), e.getMessage());
        }
    }

    private static VirtException unsupported(String what) {
        return new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU, what);
    }
}
