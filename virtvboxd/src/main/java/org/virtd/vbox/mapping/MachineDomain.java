package org.virtd.vbox.mapping;

import org.virtd.conf.domain.DeviceAddress;
import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.Devices.ControllerDef;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.Devices.InterfaceDef;
import org.virtd.conf.domain.DomainDef;
import org.virtd.vbox.manage.KeyValues;
import org.virtd.vbox.manage.MachineInfo;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The definition libvirt's dumpxml derives from a machine's settings (vbox-driver.md §4):
 * memory and vCPUs, boot order, the acpi/apic/pae features, localtime clock, destroy for every
 * lifecycle action, one controller per storage controller, a disk per medium attachment, an
 * interface per enabled adapter; the description and, from extradata, the title and metadata
 * elements ({@link MachineMetadata}). The video adapter and the devices the neutral model lacks
 * are {@link MachineDevices}, printed in by {@link VBoxDevicesXml}. USB filters are not derived.
 */
public final class MachineDomain {
    static final int MAX_NICS = 8;
    static final int BOOT_SLOTS = 4;
    static final Map<String, String> BOOT = Map.of("floppy", "fd", "dvd", "cdrom", "disk", "hd", "net", "network");

    private MachineDomain() {
    }

    public static DomainDef of(MachineInfo m, String hostArch) {
        return of(m, hostArch, Map.of());
    }

    /** The definition with the title and metadata elements kept in the machine's extradata {@code extra}. */
    public static DomainDef of(MachineInfo m, String hostArch, Map<String, String> extra) {
        KeyValues kv = m.keys();
        long memKiB = m.memoryMiB() * 1024;
        List<String> boot = new ArrayList<>();
        for (int i = 1; i <= BOOT_SLOTS; i++) {
            String dev = BOOT.get(kv.get("boot" + i, "none"));
            if (dev != null) {
                boot.add(dev);
            }
        }
        List<DomainDef.Feature> features = new ArrayList<>();
        if (kv.isOn("acpi")) {
            features.add(new DomainDef.Feature("acpi", null));
        }
        if (kv.isOn("ioapic")) {
            features.add(new DomainDef.Feature("apic", null));
        }
        if (kv.isOn("pae")) {
            features.add(new DomainDef.Feature("pae", null));
        }
        Storage storage = storage(kv);
        Devices devices = new Devices(null, storage.disks, storage.controllers, interfaces(kv), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), null, List.of(), List.of(), List.of(),
                List.of());
        String description = kv.get("description");
        return new DomainDef("vbox", m.name(), m.uuid(), MachineMetadata.title(extra),
                description == null || description.isEmpty() ? null : description, memKiB, memKiB,
                new DomainDef.Vcpus(m.cpus(), 0, null),
                new DomainDef.OsDef("hvm", hostArch, null, null, null, null, boot, null), features, null,
                new DomainDef.ClockDef("localtime", List.of()), new DomainDef.Lifecycle("destroy", "destroy", "destroy"),
                devices, MachineMetadata.elements(extra));
    }

    /** The libvirt name of the JVM's architecture. */
    public static String hostArch() {
        String a = System.getProperty("os.arch", "x86_64");
        return switch (a) {
            case "amd64", "x86_64" -> "x86_64";
            case "x86", "i386", "i686" -> "i686";
            case "arm64" -> "aarch64";
            default -> a;
        };
    }

    private record Storage(List<ControllerDef> controllers, List<DiskDef> disks) {
    }

    private static Storage storage(KeyValues kv) {
        List<ControllerDef> controllers = new ArrayList<>();
        List<DiskDef> disks = new ArrayList<>();
        Map<StorageBus, Integer> indexes = new EnumMap<>(StorageBus.class);
        int sdCount = 0;
        for (int i = 0; kv.has("storagecontrollername" + i); i++) {
            String name = kv.get("storagecontrollername" + i);
            String chip = kv.get("storagecontrollertype" + i, "");
            StorageBus bus = StorageBus.ofChip(chip);
            if (bus == null) {
                continue;
            }
            int index = indexes.merge(bus, 1, Integer::sum) - 1;
            controllers.add(new ControllerDef(bus == StorageBus.FDC ? "fdc" : bus.libvirtBus, index,
                    controllerModel(chip), null, null, null, null, null));
            int ports = (int) kv.number("storagecontrollerportcount" + i, bus == StorageBus.IDE ? 2 : 30);
            for (int port = 0; port < ports; port++) {
                for (int dev = 0; dev < (bus == StorageBus.IDE ? 2 : bus == StorageBus.FDC ? 2 : 1); dev++) {
                    String medium = kv.get(name + "-" + port + "-" + dev);
                    if (medium == null || medium.equals("none")) {
                        continue;
                    }
                    String target = switch (bus) {
                        case IDE -> "hd" + (char) ('a' + port * 2 + dev);
                        case FDC -> "fd" + (char) ('a' + dev);
                        default -> "sd" + (char) ('a' + sdCount++);
                    };
                    disks.add(disk(kv, name, bus, port, dev, medium, target));
                }
            }
        }
        return new Storage(controllers, disks);
    }

    private static DiskDef disk(KeyValues kv, String ctl, StorageBus bus, int port, int dev, String medium,
            String target) {
        boolean dvd = medium.equals("emptydrive") || kv.has(ctl + "-IsEjected-" + port + "-" + dev)
                || medium.toLowerCase(Locale.ROOT).endsWith(".iso");
        String device = bus == StorageBus.FDC ? "floppy" : dvd ? "cdrom" : "disk";
        String source = medium.equals("emptydrive") ? null : medium;
        DeviceAddress address = bus == StorageBus.IDE ? DeviceAddress.drive(0, port, 0, dev)
                : DeviceAddress.drive(0, 0, 0, bus == StorageBus.FDC ? dev : port);
        String libvirtBus = bus == StorageBus.FDC ? "fdc" : bus.libvirtBus;
        return new DiskDef("file", device, null, null, source, target, libvirtBus, dvd, address);
    }

    private static String controllerModel(String chip) {
        return switch (chip.toLowerCase(Locale.ROOT)) {
            case "piix3" -> "piix3";
            case "piix4" -> "piix4";
            case "ich6" -> "ich6";
            case "lsilogic" -> "lsilogic";
            case "buslogic" -> "buslogic";
            case "lsilogicsas" -> "lsisas1068";
            default -> null;
        };
    }

    private static List<InterfaceDef> interfaces(KeyValues kv) {
        List<InterfaceDef> out = new ArrayList<>();
        for (int i = 1; i <= MAX_NICS; i++) {
            String kind = kv.get("nic" + i, "none");
            if (kind.equals("none")) {
                continue;
            }
            String type = "user";
            String network = null;
            String bridge = null;
            switch (kind) {
                case "bridged" -> {
                    type = "bridge";
                    bridge = kv.get("bridgeadapter" + i);
                }
                case "intnet" -> {
                    type = "internal";
                    network = kv.get("intnet" + i);
                }
                case "hostonly" -> {
                    type = "network";
                    network = kv.get("hostonlyadapter" + i);
                }
                default -> {
                }
            }
            out.add(new InterfaceDef(type, mac(kv.get("macaddress" + i)), network, bridge,
                    nicModel(kv.get("nictype" + i)), null));
        }
        return out;
    }

    static String mac(String hex) {
        if (hex == null || hex.length() != 12) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(hex, i, i + 2);
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    private static String nicModel(String nictype) {
        if (nictype == null) {
            return null;
        }
        return nictype.startsWith("Am") ? nictype.toLowerCase(Locale.ROOT) : nictype;
    }
}
