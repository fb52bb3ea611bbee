package org.virtd.vbox.mapping;

import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.Devices.ControllerDef;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.Devices.InterfaceDef;
import org.virtd.conf.domain.Devices.VideoDef;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A domain definition as the VBoxManage steps that create it (vbox-driver.md §5, §7): one
 * {@code createvm --register}, then one {@code modifyvm} with every setting (VirtualBox applies
 * it all or nothing), one {@code storagectl} per controller and one {@code storageattach} per
 * disk. Everything the steps could refuse for reasons of the XML is checked while planning, so
 * a definition libvirt would reject never creates a machine. Later steps name the machine by
 * UUID: names may contain '/'.
 */
public record DefinePlan(UUID uuid, List<String> create, List<List<String>> configure) {
    static final int MAX_NICS = 8;
    static final int BOOT_SLOTS = 4;
    static final String DEFAULT_NIC_MODEL = "Am79C973";
    static final Map<String, String> BOOT = Map.of("fd", "floppy", "cdrom", "dvd", "hd", "disk", "network", "net");
    static final Map<String, String> NIC_MODELS = Map.of("am79c970a", "Am79C970A", "am79c973", "Am79C973",
            "82540em", "82540EM", "82545em", "82545EM", "82543gc", "82543GC", "virtio", "virtio");

    public DefinePlan {
        create = List.copyOf(create);
        configure = List.copyOf(configure);
    }

    /** Plans {@code def} under {@code uuid} (the definition's own, or one the driver generated). */
    public static DefinePlan of(DomainDef def, UUID uuid) throws VirtException {
        return of(def, uuid, null, true);
    }

    /**
     * Plans {@code def} with the devices only the vbox mapping reads ({@code devices}, null for
     * none beyond the neutral model); {@code audioSwitch} says whether VBoxManage has
     * {@code --audio-enabled} (7.0 on; 6.1 enables audio by naming a driver).
     */
    public static DefinePlan of(DomainDef def, UUID uuid, VBoxDevices devices, boolean audioSwitch)
            throws VirtException {
        String id = uuid.toString();
        VBoxDevices d = devices != null ? devices : new VBoxDevices(List.of(), neutralVideo(def), null, List.of(),
                List.of(), List.of());
        List<List<String>> steps = new ArrayList<>();
        List<String> modify = modifyvm(def, id);
        DevicePlan.modifyvm(d, audioSwitch, modify);
        steps.add(modify);
        steps.addAll(storage(def, id));
        steps.addAll(DevicePlan.afterwards(d, id));
        steps.addAll(MachineMetadata.steps(id, def.title(), def.metadata()));
        return new DefinePlan(uuid, List.of("createvm", "--name", def.name(), "--uuid", id, "--register"), steps);
    }

    private static VBoxDevices.Video neutralVideo(DomainDef def) {
        for (VideoDef v : def.devices().videos()) {
            if ("vbox".equals(v.model())) {
                return new VBoxDevices.Video(v.vram(), v.heads(), null, null);
            }
        }
        return null;
    }

    private static List<String> modifyvm(DomainDef def, String id) throws VirtException {
        long current = def.currentMemoryKiB() == 0 ? def.memoryKiB() : def.currentMemoryKiB();
        List<String> a = new ArrayList<>(List.of("modifyvm", id,
                "--memory", Long.toString((current + 1023) / 1024),
                "--cpus", Integer.toString(def.vcpus().max()),
                "--acpi", onOff(def.hasFeature("acpi")),
                "--ioapic", onOff(def.hasFeature("apic")),
                "--pae", onOff(def.hasFeature("pae"))));
        if (def.description() != null) {
            a.addAll(List.of("--description", def.description()));
        }
        boot(def, a);
        nics(def, a);
        return a;
    }

    private static void boot(DomainDef def, List<String> a) {
        List<String> devs = def.os() == null || def.os().bootDevices().isEmpty() ? List.of("hd")
                : def.os().bootDevices();
        for (int slot = 1; slot <= BOOT_SLOTS; slot++) {
            String dev = slot <= devs.size() ? BOOT.getOrDefault(devs.get(slot - 1), "none") : "none";
            a.addAll(List.of("--boot" + slot, dev));
        }
    }

    private static void nics(DomainDef def, List<String> a) throws VirtException {
        List<InterfaceDef> nics = def.devices().interfaces();
        if (nics.size() > MAX_NICS) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.VBOX,
                    "VirtualBox supports at most " + MAX_NICS + " network adapters, not " + nics.size());
        }
        for (int i = 1; i <= MAX_NICS; i++) {
            if (i > nics.size()) {
                a.addAll(List.of("--nic" + i, "none"));
                continue;
            }
            nic(nics.get(i - 1), i, a);
        }
    }

    /** The modifyvm options that put {@code n} into adapter slot {@code i}. */
    static void nic(InterfaceDef n, int i, List<String> a) throws VirtException {
        String type = n.type() == null ? "user" : n.type();
        switch (type) {
            case "bridge" -> a.addAll(List.of("--nic" + i, "bridged", "--bridgeadapter" + i, nz(n.sourceBridge())));
            case "internal" -> a.addAll(List.of("--nic" + i, "intnet", "--intnet" + i, nz(n.sourceNetwork())));
            case "network" -> a.addAll(List.of("--nic" + i, "hostonly", "--hostonlyadapter" + i,
                    nz(n.sourceNetwork())));
            default -> a.addAll(List.of("--nic" + i, "nat"));
        }
        a.addAll(List.of("--nictype" + i, nicModel(n.model())));
        if (n.mac() != null) {
            a.addAll(List.of("--macaddress" + i, n.mac().replace(":", "").toUpperCase(Locale.ROOT)));
        }
    }

    private static String nicModel(String model) throws VirtException {
        if (model == null) {
            return DEFAULT_NIC_MODEL;
        }
        String m = NIC_MODELS.get(model.toLowerCase(Locale.ROOT));
        if (m == null) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.VBOX,
                    "The vbox driver does not support network model '" + model + "'");
        }
        return m;
    }

    /** One controller per bus the XML names (as a controller or a disk bus), then the disks. */
    private static List<List<String>> storage(DomainDef def, String id) throws VirtException {
        Set<StorageBus> buses = new LinkedHashSet<>();
        Map<StorageBus, String> chips = new java.util.EnumMap<>(StorageBus.class);
        for (ControllerDef c : def.devices().controllers()) {
            StorageBus bus = controllerBus(c);
            if (bus != null) {
                buses.add(bus);
                if (c.model() != null) {
                    chips.put(bus, chip(c.model()));
                }
            }
        }
        List<List<String>> attach = new ArrayList<>();
        for (DiskDef d : def.devices().disks()) {
            StorageBus bus = StorageBus.of(d.targetBus(), d.device());
            buses.add(bus);
            attach.add(attach(d, bus, id, chips.getOrDefault(bus, bus.defaultChip)));
        }
        List<List<String>> steps = new ArrayList<>();
        for (StorageBus bus : buses) {
            String add = bus.addType;
            String chip = chips.getOrDefault(bus, bus.defaultChip);
            if ("LsiLogicSas".equals(chip)) {
                add = "sas";
            }
            steps.add(List.of("storagectl", id, "--name", controllerName(bus, chip), "--add", add,
                    "--controller", chip));
        }
        steps.addAll(attach);
        return steps;
    }

    private static StorageBus controllerBus(ControllerDef c) {
        return switch (c.type() == null ? "" : c.type()) {
            case "ide" -> StorageBus.IDE;
            case "sata" -> StorageBus.SATA;
            case "scsi" -> StorageBus.SCSI;
            case "fdc" -> StorageBus.FDC;
            default -> null;
        };
    }

    private static String chip(String model) {
        return switch (model.toLowerCase(Locale.ROOT)) {
            case "piix3" -> "PIIX3";
            case "ich6" -> "ICH6";
            case "buslogic" -> "BusLogic";
            case "lsisas1068" -> "LsiLogicSas";
            case "lsilogic" -> "LsiLogic";
            default -> "PIIX4";
        };
    }

    static String controllerName(StorageBus bus, String chip) {
        return "LsiLogicSas".equals(chip) ? "SAS Controller" : bus.controllerName;
    }

    private static List<String> attach(DiskDef d, StorageBus bus, String id, String chip) throws VirtException {
        return attachAt(d, id, controllerName(bus, chip), bus.slot(d.targetDev()));
    }

    /** {@code storageattach} of {@code d} at {@code slot} (port, device) of controller {@code ctl}. */
    static List<String> attachAt(DiskDef d, String id, String ctl, int[] slot) throws VirtException {
        if (d.type() != null && !"file".equals(d.type())) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.VBOX,
                    "The vbox driver does not support disk type '" + d.type() + "'");
        }
        String device = d.device() == null ? "disk" : d.device();
        String type = switch (device) {
            case "cdrom" -> "dvddrive";
            case "floppy" -> "fdd";
            case "disk" -> "hdd";
            default -> throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.VBOX,
                    "The vbox driver does not support disk device '" + device + "'");
        };
        if ("hdd".equals(type) && d.source() == null) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.VBOX,
                    "a hard disk needs a source file (target '" + d.targetDev() + "')");
        }
        List<String> a = new ArrayList<>(List.of("storageattach", id, "--storagectl", ctl,
                "--port", Integer.toString(slot[0]), "--device", Integer.toString(slot[1]), "--type", type,
                "--medium", d.source() != null ? d.source() : "emptydrive"));
        if ("hdd".equals(type)) {
            a.addAll(List.of("--mtype", d.readonly() ? "immutable" : "normal"));
        }
        return a;
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
