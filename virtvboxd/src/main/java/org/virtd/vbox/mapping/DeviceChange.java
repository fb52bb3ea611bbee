package org.virtd.vbox.mapping;

import org.virtd.conf.domain.DeviceAddress;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.Devices.InterfaceDef;
import org.virtd.conf.domain.DomainDef;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.vbox.manage.KeyValues;
import org.virtd.vbox.manage.MachineInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * attach/detach/update of one device as VBoxManage steps (issue 12: disks and NICs where
 * VBoxManage allows, shared folders as libvirt's vbox driver does): a disk is a
 * {@code storageattach} at the slot its target names (adding the bus's controller when the
 * machine has none), detached by attaching {@code none} there, updated (media change of a cdrom
 * or floppy, also while running) by attaching the new source; a NIC takes or frees an adapter
 * slot with {@code modifyvm}; a shared folder is {@code sharedfolder add/remove}. VirtualBox
 * itself refuses what its machine state does not allow; any other device is libvirt's
 * "Unsupported device type N".
 */
public final class DeviceChange {
    public enum Kind { ATTACH, DETACH, UPDATE }

    private static final Pattern ROOT = Pattern.compile("^\\s*(?:<\\?xml[^>]*>\\s*)?(?:<!--.*?-->\\s*)*<([A-Za-z]+)",
            Pattern.DOTALL);
    /** libvirt's virDomainDeviceType numbers, for its error text. */
    private static final Map<String, Integer> DEVICE_TYPES = Map.ofEntries(Map.entry("disk", 1),
            Map.entry("lease", 2), Map.entry("filesystem", 3), Map.entry("interface", 4), Map.entry("input", 5),
            Map.entry("sound", 6), Map.entry("video", 7), Map.entry("hostdev", 8), Map.entry("watchdog", 9),
            Map.entry("controller", 10), Map.entry("graphics", 11), Map.entry("hub", 12), Map.entry("redirdev", 13),
            Map.entry("smartcard", 14), Map.entry("serial", 15), Map.entry("parallel", 15),
            Map.entry("console", 15), Map.entry("channel", 15), Map.entry("memballoon", 16),
            Map.entry("nvram", 17), Map.entry("rng", 18), Map.entry("shmem", 19), Map.entry("tpm", 20),
            Map.entry("panic", 21), Map.entry("memory", 22), Map.entry("iommu", 23), Map.entry("vsock", 24),
            Map.entry("audio", 25), Map.entry("crypto", 26));

    private DeviceChange() {
    }

    public static List<List<String>> plan(Kind kind, MachineInfo info, String deviceXml) throws VirtException {
        Matcher m = ROOT.matcher(deviceXml);
        String root = m.find() ? m.group(1) : "";
        String domainXml = "<domain type='vbox'><name>device</name><memory>1024</memory><vcpu>1</vcpu>"
                + "<os><type>hvm</type></os><devices>" + deviceXml.replaceFirst("^\\s*<\\?xml[^>]*>", "")
                + "</devices></domain>";
        DomainDef def = VBoxXmlConf.PARSER.parse(domainXml, false);
        String id = info.uuid().toString();
        switch (root) {
            case "disk" -> {
                if (def.devices().disks().size() == 1) {
                    return disk(kind, info, def.devices().disks().get(0), id);
                }
            }
            case "interface" -> {
                if (kind != Kind.UPDATE && def.devices().interfaces().size() == 1) {
                    return nic(kind, info.keys(), def.devices().interfaces().get(0), id);
                }
            }
            case "filesystem" -> {
                VBoxDevices d = VBoxDevicesXml.parse(domainXml);
                if (kind != Kind.UPDATE && d.shares().size() == 1) {
                    VBoxDevices.Share s = d.shares().get(0);
                    return List.of(kind == Kind.ATTACH ? SharedFolders.add(id, s) : SharedFolders.remove(id, s.name()));
                }
            }
            default -> {
            }
        }
        throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.VBOX,
                "Unsupported device type " + DEVICE_TYPES.getOrDefault(root, 0));
    }

    private static List<List<String>> disk(Kind kind, MachineInfo info, DiskDef d, String id) throws VirtException {
        KeyValues kv = info.keys();
        List<List<String>> steps = new ArrayList<>();
        if (kind == Kind.ATTACH) {
            StorageBus bus = StorageBus.of(d.targetBus(), d.device());
            String ctl = controllerOf(kv, bus);
            if (ctl == null) {
                ctl = bus.controllerName;
                steps.add(List.of("storagectl", id, "--name", ctl, "--add", bus.addType, "--controller",
                        bus.defaultChip));
            }
            int[] slot = bus.slot(d.targetDev());
            steps.add(DefinePlan.attachAt(d, id, ctl, slot));
            return steps;
        }
        DiskDef current = find(info, d);
        StorageBus bus = StorageBus.of(current.targetBus(), current.device());
        String ctl = controllerOf(kv, bus);
        int[] slot = slot(bus, current.address());
        if (kind == Kind.DETACH) {
            steps.add(List.of("storageattach", id, "--storagectl", ctl, "--port", Integer.toString(slot[0]),
                    "--device", Integer.toString(slot[1]), "--medium", "none"));
        } else {
            if ("disk".equals(current.device())) {
                throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.VBOX,
                        "only the media of a cdrom or floppy can be changed, not disk " + current.targetDev());
            }
            steps.add(List.of("storageattach", id, "--storagectl", ctl, "--port", Integer.toString(slot[0]),
                    "--device", Integer.toString(slot[1]), "--type", "cdrom".equals(current.device()) ? "dvddrive"
                            : "fdd", "--medium", d.source() != null ? d.source() : "emptydrive"));
        }
        return steps;
    }

    /** The machine's disk the device XML names: by target, else by source. */
    private static DiskDef find(MachineInfo info, DiskDef wanted) throws VirtException {
        for (DiskDef d : MachineDomain.of(info, MachineDomain.hostArch()).devices().disks()) {
            if (wanted.targetDev() != null ? wanted.targetDev().equals(d.targetDev())
                    : wanted.source() != null && wanted.source().equals(d.source())) {
                return d;
            }
        }
        throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.VBOX,
                "disk " + (wanted.targetDev() != null ? wanted.targetDev() : wanted.source()) + " not found");
    }

    private static int[] slot(StorageBus bus, DeviceAddress a) {
        return switch (bus) {
            case IDE -> new int[]{a.number("bus"), a.number("unit")};
            case FDC -> new int[]{0, a.number("unit")};
            default -> new int[]{a.number("unit"), 0};
        };
    }

    /** The name of the machine's first controller on {@code bus}, null when it has none. */
    static String controllerOf(KeyValues kv, StorageBus bus) {
        for (int i = 0; kv.has("storagecontrollername" + i); i++) {
            if (StorageBus.ofChip(kv.get("storagecontrollertype" + i)) == bus) {
                return kv.get("storagecontrollername" + i);
            }
        }
        return null;
    }

    private static List<List<String>> nic(Kind kind, KeyValues kv, InterfaceDef n, String id) throws VirtException {
        if (kind == Kind.ATTACH) {
            for (int i = 1; i <= DefinePlan.MAX_NICS; i++) {
                if (kv.get("nic" + i, "none").equals("none")) {
                    List<String> a = new ArrayList<>(List.of("modifyvm", id));
                    DefinePlan.nic(n, i, a);
                    return List.of(a);
                }
            }
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.VBOX,
                    "all " + DefinePlan.MAX_NICS + " network adapters of the machine are in use");
        }
        String mac = n.mac() == null ? null : n.mac().replace(":", "").toUpperCase(Locale.ROOT);
        for (int i = 1; i <= DefinePlan.MAX_NICS; i++) {
            if (!kv.get("nic" + i, "none").equals("none") && (mac == null || mac.equals(kv.get("macaddress" + i)))) {
                return List.of(List.of("modifyvm", id, "--nic" + i, "none"));
            }
        }
        throw new VirtException(ErrorCode.DEVICE_MISSING, ErrorDomain.VBOX,
                "no device found on device with mac address " + (n.mac() == null ? "" : n.mac()));
    }
}
