package org.virtd.qemu.stats;

import org.virtd.conf.domain.Devices.InterfaceDef;
import org.virtd.conf.domain.DomainDef;

import java.util.List;

/** A domain's NICs, and finding one as virDomainInterfaceStats names it (by MAC address or host device). */
public final class Nics {
    private Nics() {
    }

    public static List<InterfaceDef> all(DomainDef def) {
        return def.devices() == null ? List.of() : def.devices().interfaces();
    }

    /** The NIC whose MAC {@code device} spells (any case); null when none or not a MAC. */
    public static InterfaceDef byMac(DomainDef def, String device) {
        if (device == null || !device.matches("(?i)[0-9a-f]{1,2}(:[0-9a-f]{1,2}){5}")) {
            return null;
        }
        for (InterfaceDef n : all(def)) {
            if (n.mac() != null && sameMac(n.mac(), device)) {
                return n;
            }
        }
        return null;
    }

    /**
     * The NIC {@code device} names: by MAC address when it is one, else by its host device
     * ({@code <target dev>}), as virDomainInterfaceStats looks it up; null when none.
     */
    public static InterfaceDef find(DomainDef def, String device) {
        InterfaceDef byMac = byMac(def, device);
        if (byMac != null || device == null) {
            return byMac;
        }
        for (InterfaceDef n : all(def)) {
            if (device.equals(n.targetDev())) {
                return n;
            }
        }
        return null;
    }

    private static boolean sameMac(String a, String b) {
        String[] x = a.split(":");
        String[] y = b.split(":");
        for (int i = 0; i < 6; i++) {
            if (Integer.parseInt(x[i], 16) != Integer.parseInt(y[i], 16)) {
                return false;
            }
        }
        return true;
    }
}
