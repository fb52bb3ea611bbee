package org.virtd.vbox.mapping;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.Locale;

/**
 * The disk buses the vbox driver maps to VirtualBox storage controllers, with the controller
 * names libvirt gives them (vbox-driver.md §5) and how a target name becomes port and device.
 */
enum StorageBus {
    IDE("ide", "IDE Controller", "ide", "PIIX4", "hd"),
    SATA("sata", "SATA Controller", "sata", "IntelAhci", "sd"),
    SCSI("scsi", "SCSI Controller", "scsi", "LsiLogic", "sd"),
    FDC("fdc", "Floppy Controller", "floppy", "I82078", "fd");

    final String libvirtBus;
    final String controllerName;
    final String addType;
    final String defaultChip;
    final String targetPrefix;

    StorageBus(String libvirtBus, String controllerName, String addType, String defaultChip, String targetPrefix) {
        this.libvirtBus = libvirtBus;
        this.controllerName = controllerName;
        this.addType = addType;
        this.defaultChip = defaultChip;
        this.targetPrefix = targetPrefix;
    }

    /** The bus of a disk ({@code fdc} also for floppies without one); others are refused as libvirt does. */
    static StorageBus of(String bus, String device) throws VirtException {
        String b = bus != null ? bus.toLowerCase(Locale.ROOT) : "floppy".equals(device) ? "fdc" : "ide";
        for (StorageBus s : values()) {
            if (s.libvirtBus.equals(b)) {
                return s;
            }
        }
        throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.VBOX,
                "The vbox driver does not support " + b + " bus type");
    }

    /** The bus of a VirtualBox controller type ({@code storagecontrollertype<i>}); null for others. */
    static StorageBus ofChip(String chip) {
        return switch (chip == null ? "" : chip.toLowerCase(Locale.ROOT)) {
            case "piix3", "piix4", "ich6" -> IDE;
            case "intelahci" -> SATA;
            case "lsilogic", "buslogic", "lsilogicsas" -> SCSI;
            case "i82078" -> FDC;
            default -> null;
        };
    }

    /** Port and device for a target like {@code hdc} or {@code sdb} (IDE: two devices per port). */
    int[] slot(String targetDev) {
        int index = 0;
        if (targetDev != null && targetDev.length() > 2) {
            for (char c : targetDev.substring(2).toCharArray()) {
                index = index * 26 + (Character.toLowerCase(c) - 'a' + 1);
            }
            index -= 1;
        }
        return switch (this) {
            case IDE -> new int[]{index / 2, index % 2};
            case FDC -> new int[]{0, index};
            default -> new int[]{index, 0};
        };
    }
}
