package org.virtd.qemu.driver;

import org.virtd.conf.domain.Devices.InterfaceDef;
import org.virtd.conf.domain.DomainDef;
import org.virtd.rpc.remote.types.DomainInterface;
import org.virtd.rpc.remote.types.IpAddress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code domifaddr --source arp}: the host's neighbour table ({@code /proc/net/arp}) matched to
 * the domain's NICs by MAC address. Only NICs on a host device (tap) can appear there; a
 * user-mode NIC never does, so its guest has no ARP addresses.
 */
final class ArpAddresses {
    static Path table = Path.of("/proc/net/arp");

    private ArpAddresses() {
    }

    static List<DomainInterface> of(DomainDef def) {
        List<DomainInterface> out = new ArrayList<>();
        if (def.devices() == null) {
            return out;
        }
        List<String[]> rows = rows();
        for (InterfaceDef nic : def.devices().interfaces()) {
            if (nic.mac() == null) {
                continue;
            }
            for (String[] r : rows) {
                if (r[3].equalsIgnoreCase(nic.mac())) {
                    out.add(new DomainInterface(nic.alias() == null ? "" : nic.alias(), nic.mac(),
                            List.of(new IpAddress(0, r[0], 0))));
                }
            }
        }
        return out;
    }

    /** IP address, HW type, flags, HW address, mask, device; complete entries only. */
    private static List<String[]> rows() {
        List<String[]> rows = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(table);
            for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
                String[] f = line.trim().split("\\s+");
                if (f.length >= 6 && !"0x0".equals(f[2])) {
                    rows.add(f);
                }
            }
        } catch (IOException e) {
            // no neighbour table readable: no addresses
        }
        return rows;
    }
}
