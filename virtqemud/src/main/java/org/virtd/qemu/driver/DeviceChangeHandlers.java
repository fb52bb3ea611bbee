package org.virtd.qemu.driver;

import org.virtd.conf.domain.DeviceXml;
import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.Devices.InterfaceDef;
import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.state.ModificationImpact;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.domain.GuestEmulators;
import org.virtd.qemu.domain.QemuDomainDefaults;
import org.virtd.qemu.domain.QemuXmlConf;
import org.virtd.qemu.lifecycle.DiskHotplugRules;
import org.virtd.qemu.lifecycle.DomainProcesses;
import org.virtd.qemu.lifecycle.LiveDevices;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainRef;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * attach/detach/update device (libvirt's qemuDomainAttachDeviceFlags and friends): the flags
 * say which definitions change (LIVE, CONFIG, CURRENT as {@link ModificationImpact} reads
 * them); the persistent one is changed on a copy, defaults applied as at define, and stored
 * only once the live change (if any) worked. Live changes are {@link LiveDevices}'.
 */
final class DeviceChangeHandlers {
    private static final int LIVE = ModificationImpact.AFFECT_LIVE;
    private static final int CONFIG = ModificationImpact.AFFECT_CONFIG;
    /** VIR_DOMAIN_DEVICE_MODIFY_FORCE: eject even a locked tray. */
    private static final int FORCE = 4;

    private final DomainLookup lookup;
    private final Supplier<DomainProcesses> processes;
    private final GuestEmulatorsSource emulators;

    /** The host's emulators, for the define-time defaults a changed persistent definition gets. */
    interface GuestEmulatorsSource {
        GuestEmulators get() throws VirtException;
    }

    DeviceChangeHandlers(DomainLookup lookup, Supplier<DomainProcesses> processes, GuestEmulatorsSource emulators) {
        this.lookup = lookup;
        this.processes = processes;
        this.emulators = emulators;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_ATTACH_DEVICE, (c, a) -> {
            attach(a.domain(), a.xml(), LIVE, "qemuDomainAttachDeviceFlags");
            return null;
        });
        t.on(RemoteProgram.DOMAIN_ATTACH_DEVICE_FLAGS, (c, a) -> {
            attach(a.domain(), a.xml(), a.flags(), "qemuDomainAttachDeviceFlags");
            return null;
        });
        t.on(RemoteProgram.DOMAIN_DETACH_DEVICE, (c, a) -> {
            detach(a.domain(), a.xml(), LIVE);
            return null;
        });
        t.on(RemoteProgram.DOMAIN_DETACH_DEVICE_FLAGS, (c, a) -> {
            detach(a.domain(), a.xml(), a.flags());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_DETACH_DEVICE_ALIAS, (c, a) -> {
            detachAlias(a.domain(), a.xml(), a.flags());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_UPDATE_DEVICE_FLAGS, (c, a) -> {
            update(a.domain(), a.xml(), a.flags());
            return null;
        });
    }

    /** One device change: the new persistent definition (null: none) after any live change is made. */
    private interface Change {
        DomainDef apply(DomainObject dom, ModificationImpact impact) throws VirtException;
    }

    /**
     * The frame every device call shares: under the domain's lock, the flags checked and resolved
     * to live/config, the change made, and the persistent definition saved only once it succeeded.
     */
    private void change(DomainRef ref, int flags, int allowed, String function, Change change) throws VirtException {
        DomainObject dom = lookup.resolve(ref);
        dom.lock().lock();
        try {
            DomainLookup.checkFlags(flags, allowed, function);
            DomainDef config = change.apply(dom, ModificationImpact.of(dom, flags));
            if (config != null) {
                lookup.registry().saveConfig(dom, config);
            }
        } finally {
            dom.lock().unlock();
        }
    }

    void attach(DomainRef ref, String xml, int flags, String function) throws VirtException {
        change(ref, flags, LIVE | CONFIG, "qemuDomainAttachDeviceLiveAndConfig", (dom, impact) -> {
            DeviceXml.Parsed dev = DeviceXml.parse(xml, QemuXmlConf.OPTIONS);
            Devices d = dev.devices();
            DomainDef config = null;
            if (impact.config()) {
                config = withDefaults(attachConfig(dom.def(), dev));
            }
            if (impact.live()) {
                LiveDevices live = processes.get().devices();
                switch (dev.kind()) {
                    case "disk" -> live.attachDisk(dom, d.disks().get(0));
                    case "interface" -> live.attachNic(dom, nicDefaults(d.interfaces().get(0), config));
                    case "hostdev" -> throw hostdevMissing(xml);
                    case "serial" -> live.attachSerial(dom, d.serials().get(0));
                    case "controller" -> live.attachController(dom, d.controllers().get(0));
                    case "console" -> throw consoleRefused(dom.currentDef(), d.consoles().get(0));
                    default -> throw liveUnsupported("attach", dev.kind());
                }
            }
            return config;
        });
    }

    void detach(DomainRef ref, String xml, int flags) throws VirtException {
        change(ref, flags, LIVE | CONFIG, "qemuDomainDetachDeviceLiveAndConfig", (dom, impact) -> {
            DeviceXml.Parsed dev = DeviceXml.parse(xml, QemuXmlConf.OPTIONS);
            DomainDef config = impact.config() ? detachConfig(dom.def(), dev) : null;
            if (impact.live()) {
                processes.get().devices().detach(dom, liveAlias(dom.currentDef(), dev));
            }
            return config;
        });
    }

    void detachAlias(DomainRef ref, String alias, int flags) throws VirtException {
        change(ref, flags, LIVE | CONFIG, "qemuDomainDetachDeviceAliasLiveAndConfig", (dom, impact) -> {
            DomainDef config = null;
            if (impact.config()) {
                DomainDef def = dom.def();
                config = withoutAlias(def, alias);
                if (config == null) {
                    throw noAlias(alias);
                }
            }
            if (impact.live()) {
                if (withoutAlias(dom.currentDef(), alias) == null) {
                    throw noAlias(alias);
                }
                for (DiskDef k : dom.currentDef().devices().disks()) {
                    if (alias.equals(k.alias())) {
                        DiskHotplugRules.checkUnplug(k);
                    }
                }
                // libvirt's detach by alias does not wait for the guest: DEVICE_REMOVED tells when it is gone
                processes.get().devices().detach(dom, alias, true);
            }
            return config;
        });
    }

    void update(DomainRef ref, String xml, int flags) throws VirtException {
        change(ref, flags, LIVE | CONFIG | FORCE, "qemuDomainUpdateDeviceFlags", (dom, impact) -> {
            DeviceXml.Parsed dev = DeviceXml.parse(xml, QemuXmlConf.OPTIONS);
            DomainDef config = impact.config() ? updateConfig(dom.def(), dev) : null;
            if (impact.live()) {
                updateLive(dom, dev);
            }
            return config;
        });
    }

    private void updateLive(DomainObject dom, DeviceXml.Parsed dev) throws VirtException {
        DomainDef live = dom.currentDef();
        LiveDevices devices = processes.get().devices();
        switch (dev.kind()) {
            case "disk" -> {
                DiskDef want = dev.devices().disks().get(0);
                DiskDef have = diskByTarget(live, want);
                if (!"cdrom".equals(have.device()) && !"floppy".equals(have.device())) {
                    throw notRemovable();
                }
                devices.changeMedia(dom, have, want.source(), want.driverType());
            }
            case "interface" -> {
                InterfaceDef want = dev.devices().interfaces().get(0);
                InterfaceDef have = nicByMac(live, want);
                String state = want.linkState() == null ? "up" : want.linkState();
                devices.setLink(dom, have.alias(), "up".equals(state));
            }
            default -> throw liveUnsupported("update", dev.kind());
        }
    }

    /** The persistent definition with the device added (libvirt's qemuDomainAttachDeviceConfig). */
    private static DomainDef attachConfig(DomainDef def, DeviceXml.Parsed dev) throws VirtException {
        Devices d = def.devices();
        switch (dev.kind()) {
            case "disk" -> {
                DiskDef k = dev.devices().disks().get(0);
                for (DiskDef x : d.disks()) {
                    if (x.targetDev().equals(k.targetDev())) {
                        throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                                "target " + k.targetDev() + " already exists");
                    }
                }
                List<DiskDef> disks = new ArrayList<>(d.disks());
                org.virtd.conf.domain.DiskOrder.insert(disks, k);
                return def.withDevices(d.withDisks(disks));
            }
            case "interface" -> {
                List<InterfaceDef> nics = new ArrayList<>(d.interfaces());
                nics.add(dev.devices().interfaces().get(0));
                return def.withDevices(d.withInterfaces(nics));
            }
            default -> throw configUnsupported("attach", dev.kind());
        }
    }

    private static DomainDef detachConfig(DomainDef def, DeviceXml.Parsed dev) throws VirtException {
        Devices d = def.devices();
        switch (dev.kind()) {
            case "disk" -> {
                DiskDef k = diskByTarget(def, dev.devices().disks().get(0));
                return def.withDevices(d.withDisks(d.disks().stream().filter(x -> x != k).toList()));
            }
            case "interface" -> {
                InterfaceDef n = nicByMac(def, dev.devices().interfaces().get(0));
                return def.withDevices(d.withInterfaces(d.interfaces().stream().filter(x -> x != n).toList()));
            }
            default -> throw configUnsupported("detach", dev.kind());
        }
    }

    private static DomainDef updateConfig(DomainDef def, DeviceXml.Parsed dev) throws VirtException {
        Devices d = def.devices();
        switch (dev.kind()) {
            case "disk" -> {
                DiskDef want = dev.devices().disks().get(0);
                DiskDef have = diskByTarget(def, want);
                if (!"cdrom".equals(have.device()) && !"floppy".equals(have.device())) {
                    throw notRemovable();
                }
                DiskDef changed = new DiskDef(have.type(), have.device(), have.driverName(),
                        want.source() == null ? have.driverType() : want.driverType() == null ? "raw" : want.driverType(),
                        want.source(), have.targetDev(), have.targetBus(), have.readonly(), have.address(),
                        have.alias(), 0, have.driverCache());
                return def.withDevices(d.withDisks(d.disks().stream().map(x -> x == have ? changed : x).toList()));
            }
            case "interface" -> {
                InterfaceDef want = dev.devices().interfaces().get(0);
                InterfaceDef have = nicByMac(def, want);
                InterfaceDef changed = have.withLinkState(want.linkState());
                return def.withDevices(d.withInterfaces(d.interfaces().stream()
                        .map(x -> x == have ? changed : x).toList()));
            }
            default -> throw configUnsupported("update", dev.kind());
        }
    }

    /** The alias of the running device the XML names (disk by target, NIC by MAC). */
    private static String liveAlias(DomainDef live, DeviceXml.Parsed dev) throws VirtException {
        return switch (dev.kind()) {
            case "disk" -> {
                DiskDef want = dev.devices().disks().get(0);
                DiskDef k = findDisk(live, want);
                if (k == null) {
                    throw new VirtException(ErrorCode.DEVICE_MISSING, ErrorDomain.QEMU,
                            "disk " + want.targetDev() + " not found");
                }
                DiskHotplugRules.checkUnplug(k);
                yield k.alias();
            }
            case "interface" -> nicByMac(live, dev.devices().interfaces().get(0)).alias();
            default -> throw liveUnsupported("detach", dev.kind());
        };
    }

    private static DiskDef diskByTarget(DomainDef def, DiskDef want) throws VirtException {
        DiskDef k = findDisk(def, want);
        if (k == null) {
            throw new VirtException(ErrorCode.DEVICE_MISSING, ErrorDomain.QEMU, "no target device " + want.targetDev());
        }
        return k;
    }

    private static DiskDef findDisk(DomainDef def, DiskDef want) {
        for (DiskDef k : def.devices().disks()) {
            if (k.targetDev().equals(want.targetDev())) {
                return k;
            }
        }
        return null;
    }

    private static InterfaceDef nicByMac(DomainDef def, InterfaceDef want) throws VirtException {
        for (InterfaceDef n : def.devices().interfaces()) {
            if (want.mac() == null || n.mac() != null && n.mac().equalsIgnoreCase(want.mac())) {
                return n;
            }
        }
        throw new VirtException(ErrorCode.DEVICE_MISSING, ErrorDomain.DOMAIN, "no device found at address "
                + "'(<null>)' matching MAC address '" + want.mac() + "' and alias '(<null>)'");
    }

    private static DomainDef withoutAlias(DomainDef def, String alias) {
        Devices d = def.devices();
        for (DiskDef k : d.disks()) {
            if (alias.equals(k.alias())) {
                return def.withDevices(d.withDisks(d.disks().stream().filter(x -> x != k).toList()));
            }
        }
        for (InterfaceDef n : d.interfaces()) {
            if (alias.equals(n.alias())) {
                return def.withDevices(d.withInterfaces(d.interfaces().stream().filter(x -> x != n).toList()));
            }
        }
        return null;
    }

    /** A hot-plugged NIC has the MAC and model the config copy got (or its own defaults). */
    private static InterfaceDef nicDefaults(InterfaceDef n, DomainDef config) {
        if (config != null) {
            List<InterfaceDef> nics = config.devices().interfaces();
            InterfaceDef c = nics.get(nics.size() - 1);
            return n.with(c.mac(), c.model(), null);
        }
        return n.with(n.mac() != null ? n.mac() : QemuXmlConf.OPTIONS.generateMac(UuidRandom.INSTANCE),
                n.model() != null ? n.model() : "rtl8139", n.address());
    }

    private DomainDef withDefaults(DomainDef def) throws VirtException {
        return new QemuDomainDefaults(emulators.get(), UuidRandom.INSTANCE).apply(def);
    }

    /** This host offers no device assignment (no VFIO): libvirt's refusal of any PCI hostdev. */
    private static VirtException hostdevMissing(String xml) {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                "host doesn't support passthrough of host PCI devices");
    }

    /** A virtio console needs a virtio-serial controller, which a running guest cannot be given. */
    private static VirtException consoleRefused(DomainDef live, Devices.CharDevDef console) {
        boolean serialBus = live.devices().controllers().stream().anyMatch(c -> "virtio-serial".equals(c.type()));
        if ("virtio".equals(console.targetType()) && !serialBus) {
            return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                    "no virtio-serial controllers are available");
        }
        return liveUnsupported("attach", "console");
    }

    private static VirtException notRemovable() {
        return new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                "disk source can be changed only in removable drives");
    }

    private static VirtException noAlias(String alias) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN, "no device found with alias " + alias);
    }

    private static VirtException liveUnsupported(String what, String kind) {
        return new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                "live " + what + " of device '" + kind + "' is not supported");
    }

    private static VirtException configUnsupported(String what, String kind) {
        return new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                "persistent " + what + " of device '" + kind + "' is not supported");
    }
}
