package org.virtd.qemu.hostnet;

import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.Devices.InterfaceDef;
import org.virtd.conf.domain.DomainDef;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.ArrayList;
import java.util.List;

/**
 * Connects a starting guest's NICs on the host and lets go of them when it stops (libvirt's
 * qemuInterfaceEthernetConnect/BridgeConnect and the tap removal of qemuProcessStop):
 * {@code user} needs nothing; {@code ethernet} gets a tap of its own (or, with
 * {@code managed='no'}, uses the existing one as it is); {@code bridge} gets a tap that joins the
 * bridge; {@code network} first gets a port on its network from the network daemon
 * ({@link NetworkPorts}), then a tap on the bridge that port names. A managed tap takes the guest's MAC with the first byte changed (so the host never
 * sees its own address coming back), the MTU asked for (a bridge port: the bridge's) and is up.
 */
public final class HostNics {
    private static final int RESERVED_FIRST_BYTE = 0xFE;

    private final TapNames names;
    private volatile NetworkPorts ports = NetworkPorts.NONE;

    public HostNics(TapNames names) {
        this.names = names;
    }

    /** Where {@code network} NICs get their ports from (none: they are refused). */
    public void usePorts(NetworkPorts networkPorts) {
        this.ports = networkPorts;
    }

    public static HostNics onThisHost() {
        return new HostNics(new TapNames(HostLinks::exists));
    }

    public TapNames names() {
        return names;
    }

    /**
     * The types a guest can start with here; anything else is refused before a tap is made. A
     * {@code network} NIC passes once it holds a port (after {@link #connect}).
     */
    public static void check(DomainDef def) throws VirtException {
        for (InterfaceDef n : nics(def)) {
            check(n);
        }
    }

    private static void check(InterfaceDef n) throws VirtException {
        switch (n.type()) {
            case "user", "ethernet", "bridge", "vhostuser", "server", "client", "mcast", "udp" -> {
            }
            case "network" -> {
                if (n.portId() == null) {
                    throw new VirtException(ErrorCode.NO_NETWORK, ErrorDomain.NETWORK,
                            "no network with matching name '" + n.sourceNetwork() + "'");
                }
            }
            default -> throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "interface type '" + n.type() + "' is not supported by this driver");
        }
    }

    /**
     * Makes the taps of {@code def}'s NICs; returns the definition with each tap NIC's
     * {@code <target dev>}. On failure, taps made so far are removed again.
     */
    public DomainDef connect(DomainDef def) throws VirtException {
        for (InterfaceDef n : nics(def)) {
            if (!"network".equals(n.type())) { // a network NIC is checked once it holds its port
                check(n);
            }
        }
        List<InterfaceDef> out = new ArrayList<>();
        try {
            for (InterfaceDef n : nics(def)) {
                out.add(switch (n.type()) {
                    case "ethernet" -> n.unmanagedTap() ? existing(n) : ethernet(n, out);
                    case "bridge" -> bridgePort(n, out);
                    case "network" -> networkPort(n, def, out);
                    default -> n;
                });
            }
        } catch (VirtException | RuntimeException e) {
            releaseAll(out);
            throw e;
        }
        return def.devices() == null ? def : def.withDevices(def.devices().withInterfaces(out));
    }

    /**
     * Removes the taps this daemon made for {@code live} (not those it was given with managed='no')
     * and gives the network ports back.
     */
    public void release(DomainDef live) {
        if (live != null) {
            releaseAll(nics(live));
        }
    }

    /** Reserves the generated names a running guest found at start-up holds. */
    public void reserve(DomainDef live) {
        for (InterfaceDef n : nics(live)) {
            names.reserve(n.targetDev());
        }
    }

    /** Whether {@code n} is backed by a host tap (whose counters are swapped for the guest's view). */
    public static boolean tapBacked(InterfaceDef n) {
        return n.targetDev() != null && tapType(n);
    }

    /** Whether {@code n}'s type is one QEMU reaches through a tap (opened by name, through /dev/net/tun). */
    public static boolean tapType(InterfaceDef n) {
        return "ethernet".equals(n.type()) || "bridge".equals(n.type()) || "network".equals(n.type());
    }

    private void releaseAll(List<InterfaceDef> nics) {
        for (InterfaceDef n : nics) {
            if (owned(n)) {
                TapDevices.delete(n.targetDev());
            }
            if (n.portId() != null) {
                ports.unplug(n);
            }
        }
    }

    private static boolean owned(InterfaceDef n) {
        return n.targetDev() != null && ("bridge".equals(n.type()) || "network".equals(n.type())
                || "ethernet".equals(n.type()) && !n.unmanagedTap());
    }

    /** A port on the NIC's network, then a tap on the port's bridge; the port goes back if the tap fails. */
    private InterfaceDef networkPort(InterfaceDef n, DomainDef def, List<InterfaceDef> made) throws VirtException {
        InterfaceDef plugged = ports.plug(n, def.name(), def.uuid());
        int before = made.size();
        try {
            return bridgePort(plugged, made);
        } catch (VirtException | RuntimeException e) {
            if (made.size() == before) { // no tap yet to release it with
                ports.unplug(plugged);
            }
            throw e;
        }
    }

    private static InterfaceDef existing(InterfaceDef n) throws VirtException {
        if (n.targetDev() == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "target dev must be supplied when managed='no'");
        }
        if (!HostLinks.exists(n.targetDev())) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "target managed='no' but specified dev doesn't exist");
        }
        return n;
    }

    private InterfaceDef ethernet(InterfaceDef n, List<InterfaceDef> made) throws VirtException {
        InterfaceDef tap = n.withTargetDev(TapDevices.create(n.targetDev() != null ? n.targetDev() : names.next()));
        made.add(tap);
        HostLinks.setMac(tap.targetDev(), tapMac(n.mac()));
        if (n.mtu() > 0) {
            HostLinks.setMtu(tap.targetDev(), n.mtu());
        }
        HostLinks.setUp(tap.targetDev());
        HostLinks.noQueue(tap.targetDev());
        shape(n, tap.targetDev());
        made.remove(made.size() - 1);
        return tap;
    }

    private InterfaceDef bridgePort(InterfaceDef n, List<InterfaceDef> made) throws VirtException {
        String bridge = n.sourceBridge();
        if (bridge == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, "Missing bridge name");
        }
        InterfaceDef tap = n.withTargetDev(TapDevices.create(n.targetDev() != null ? n.targetDev() : names.next()));
        made.add(tap);
        HostLinks.setMac(tap.targetDev(), tapMac(n.mac()));
        // the MTU goes first: a bridge lowers its own to that of a port joining it
        HostLinks.setMtu(tap.targetDev(), n.mtu() > 0 ? n.mtu() : HostLinks.mtu(bridge));
        HostLinks.addToBridge(bridge, tap.targetDev());
        HostLinks.setUp(tap.targetDev());
        HostLinks.noQueue(tap.targetDev());
        shape(n, tap.targetDev());
        made.remove(made.size() - 1);
        return tap;
    }

    /** A NIC's {@code <bandwidth>} on its new tap, as at every start; a failure fails the start. */
    private static void shape(InterfaceDef n, String tap) throws VirtException {
        if (n.bandwidth() != null && !n.bandwidth().isEmpty()) {
            TapBandwidth.apply(tap, n.mac(), n.bandwidth());
        }
    }

    /** The guest's MAC with 0xFE first (0xFA when the guest's starts with 0xFE): never the guest's own. */
    static byte[] tapMac(String guestMac) {
        byte[] mac = mac(guestMac);
        mac[0] = (byte) ((mac[0] & 0xFF) == RESERVED_FIRST_BYTE ? 0xFA : RESERVED_FIRST_BYTE);
        return mac;
    }

    private static byte[] mac(String text) {
        String[] parts = text.split(":");
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return b;
    }

    private static List<InterfaceDef> nics(DomainDef def) {
        Devices d = def.devices();
        return d == null ? List.of() : d.interfaces();
    }
}
