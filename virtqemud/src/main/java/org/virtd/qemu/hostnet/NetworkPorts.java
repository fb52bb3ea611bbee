package org.virtd.qemu.hostnet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.domain.Devices.InterfaceDef;
import org.virtd.core.client.DaemonClient;
import org.virtd.qemu.xml.XmlElements;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.NameUuidRef;
import org.virtd.rpc.remote.types.NetworkPortCreateArgs;
import org.virtd.rpc.remote.types.NetworkPortFlagsArgs;
import org.virtd.rpc.remote.types.NetworkPortRef;
import org.w3c.dom.Element;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

/**
 * The ports {@code <interface type='network'>} NICs hold on their virtual network, asked of the
 * daemon that serves networks ({@code virtnetworkd-sock} in the run directory) as libvirt's QEMU
 * driver asks: look the network up, create a port owned by the guest for its MAC, read back
 * where to plug the tap. Only bridge plugs are served here (libvirt's other kinds, direct and
 * hostdev, are refused with a clear error). Without a network daemon, a network NIC gets the
 * error libvirt gives for a network that does not exist.
 */
public final class NetworkPorts {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkPorts.class);
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    /** No network daemon to ask: every network NIC is refused. */
    public static final NetworkPorts NONE = new NetworkPorts(null, null);

    private final Path socket;
    private final String uri;

    private NetworkPorts(Path socket, String uri) {
        this.socket = socket;
        this.uri = uri;
    }

    /** The network daemon beside this one in {@code runDir}, for the system or the session URI. */
    public static NetworkPorts in(Path runDir, boolean privileged) {
        return new NetworkPorts(runDir.resolve("virtnetworkd-sock"), privileged ? "network:///system" : "network:///session");
    }

    /** Creates {@code n}'s port for the guest {@code owner}; returns {@code n} with the port and its bridge. */
    InterfaceDef plug(InterfaceDef n, String owner, UUID ownerUuid) throws VirtException {
        if (socket == null || !Files.exists(socket)) {
            throw notFound(n.sourceNetwork());
        }
        try (DaemonClient c = DaemonClient.open(socket, uri, DEADLINE)) {
            NameUuidRef net = c.call(RemoteProgram.NETWORK_LOOKUP_BY_NAME, n.sourceNetwork());
            String xml = "<networkport><uuid>" + UUID.randomUUID() + "</uuid><owner><name>" + escape(owner)
                    + "</name><uuid>" + ownerUuid + "</uuid></owner><mac address='" + n.mac() + "'/></networkport>";
            NetworkPortRef port = c.call(RemoteProgram.NETWORK_PORT_CREATE_XML, new NetworkPortCreateArgs(net, xml, 0));
            try {
                String bridge = bridge(c.call(RemoteProgram.NETWORK_PORT_GET_XML_DESC, new NetworkPortFlagsArgs(port, 0)),
                        n.sourceNetwork());
                return n.withPort(DomainRef.uuidOf(port.uuid()).toString(), bridge);
            } catch (VirtException | RuntimeException e) {
                c.call(RemoteProgram.NETWORK_PORT_DELETE, new NetworkPortFlagsArgs(port, 0));
                throw e;
            }
        }
    }

    /** Gives {@code n}'s port back to its network; a failure is logged, the guest is gone either way. */
    void unplug(InterfaceDef n) {
        if (n.portId() == null || socket == null) {
            return;
        }
        try (DaemonClient c = DaemonClient.open(socket, uri, DEADLINE)) {
            NameUuidRef net = c.call(RemoteProgram.NETWORK_LOOKUP_BY_NAME, n.sourceNetwork());
            NetworkPortRef port = c.call(RemoteProgram.NETWORK_PORT_LOOKUP_BY_UUID,
                    new NetworkPortRef(net, DomainRef.uuidBytes(UUID.fromString(n.portId()))));
            c.call(RemoteProgram.NETWORK_PORT_DELETE, new NetworkPortFlagsArgs(port, 0));
        } catch (VirtException | RuntimeException e) {
            LOG.warn("could not release port {} of network '{}': {}", n.portId(), n.sourceNetwork(), e.getMessage());
        }
    }

    /** The bridge of the port's {@code <plug type='network|bridge' bridge=…/>}. */
    static String bridge(String portXml, String network) throws VirtException {
        Element plug;
        try {
            plug = XmlElements.child(XmlElements.root(portXml, "network_port", ErrorDomain.NETWORK), "plug");
        } catch (VirtException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "cannot read the port of network '" + network + "': " + e.getMessage());
        }
        String type = plug == null ? "none" : plug.getAttribute("type");
        String bridge = XmlElements.attribute(plug, "bridge");
        if (!"network".equals(type) && !"bridge".equals(type) || bridge == null) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "network '" + network + "' gives ports of plug type '" + type + "', only bridges are supported here");
        }
        return bridge;
    }

    private static VirtException notFound(String network) {
        return new VirtException(ErrorCode.NO_NETWORK, ErrorDomain.NETWORK, "no network with matching name '" + network + "'");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
