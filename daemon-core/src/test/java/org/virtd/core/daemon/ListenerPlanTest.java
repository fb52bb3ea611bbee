package org.virtd.core.daemon;

import org.junit.jupiter.api.Test;
import org.virtd.core.activation.ActivationFds;
import org.virtd.core.activation.NamedFd;
import org.virtd.core.config.ConfParser;
import org.virtd.core.config.ConfigException;
import org.virtd.core.config.DaemonConfig;
import org.virtd.core.config.DaemonConfigReader;
import org.virtd.core.transport.ListenerSpec;
import org.virtd.core.transport.ListenerSpec.Role;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ListenerPlanTest {
    private final DaemonPaths paths = DaemonPaths.of(DaemonIdentity.VIRTQEMUD, 0, Map.of("VIRTD_PREFIX", "/p"));

    private static DaemonConfig config(String text) throws ConfigException {
        return DaemonConfigReader.read(ConfParser.parse("/p/virtqemud.conf", text));
    }

    @Test
    void ownSocketsWithModesAndGroup() throws Exception {
        DaemonConfig c = config("unix_sock_group = \"kvm\"\nunix_sock_rw_perms = \"0770\"\n");
        List<ListenerSpec> specs = ListenerPlan.ownSockets(paths.sockets(null), c, name -> 36);
        assertEquals(List.of(ListenerSpec.unix(Role.RW, Path.of("/p/run/libvirt/virtqemud-sock"), 0770, 36),
                ListenerSpec.unix(Role.RO, Path.of("/p/run/libvirt/virtqemud-sock-ro"), 0777, 36),
                ListenerSpec.unix(Role.ADMIN, Path.of("/p/run/libvirt/virtqemud-admin-sock"), 0700, 36)), specs);
    }

    @Test
    void unknownGroupIsANetworkFailure() throws Exception {
        DaemonConfig c = config("\nunix_sock_group = \"nosuchgroup\"\n");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ListenerPlan.ownSockets(paths.sockets(null), c, name -> -1));
        assertEquals("/p/virtqemud.conf:2: unix_sock_group: Failed to parse group 'nosuchgroup'", e.getMessage());
        assertEquals(6, e.exitStatus());
    }

    @Test
    void activationClaimsKnownNamesOnlyAndRefusesLeftovers() throws Exception {
        DaemonConfig c = DaemonConfig.defaults("/p/virtqemud.conf");
        ActivationFds fds = new ActivationFds(List.of(new NamedFd(3, "virtqemud.socket"),
                new NamedFd(4, "virtqemud-admin.socket")));
        assertEquals(List.of(ListenerSpec.inherited(Role.RW, 3), ListenerSpec.inherited(Role.ADMIN, 4)),
                ListenerPlan.activated(DaemonIdentity.VIRTQEMUD, paths.sockets(null), fds, c));
        ActivationFds odd = new ActivationFds(List.of(new NamedFd(3, "virtqemud-tls.socket")));
        ConfigException e = assertThrows(ConfigException.class,
                () -> ListenerPlan.activated(DaemonIdentity.VIRTQEMUD, paths.sockets(null), odd, c));
        assertEquals("Some activation file descriptors are unclaimed", e.getMessage());
        assertEquals(6, e.exitStatus());
        DaemonPaths user = DaemonPaths.of(DaemonIdentity.VIRTQEMUD, 1000, Map.of("HOME", "/h"));
        ActivationFds ro = new ActivationFds(List.of(new NamedFd(3, "virtqemud-ro.socket")));
        assertThrows(ConfigException.class,
                () -> ListenerPlan.activated(DaemonIdentity.VIRTQEMUD, user.sockets(null), ro, c));
        ActivationFds tls = new ActivationFds(List.of(new NamedFd(3, "virtproxyd-tls.socket")));
        DaemonPaths proxy = DaemonPaths.of(DaemonIdentity.VIRTPROXYD, 0, Map.of());
        assertEquals(List.of(ListenerSpec.inherited(Role.TLS, 3)),
                ListenerPlan.activated(DaemonIdentity.VIRTPROXYD, proxy.sockets(null), tls, c));
    }

    @Test
    void virtproxydTakesTcpAndTlsFdsAndIgnoresListenKeys() throws Exception {
        DaemonConfig c = config("listen_tcp = 1\nlisten_tls = 1\n");
        DaemonPaths proxy = DaemonPaths.of(DaemonIdentity.VIRTPROXYD, 0, Map.of("VIRTD_PREFIX", "/p"));
        ActivationFds fds = new ActivationFds(List.of(new NamedFd(3, "virtproxyd.socket"),
                new NamedFd(4, "virtproxyd-tcp.socket"), new NamedFd(5, "virtproxyd-tcp.socket"),
                new NamedFd(6, "virtproxyd-tls.socket")));
        assertEquals(List.of(ListenerSpec.inherited(Role.RW, 3), ListenerSpec.inherited(Role.TCP, 4),
                        ListenerSpec.inherited(Role.TCP, 5), ListenerSpec.inherited(Role.TLS, 6)),
                ListenerPlan.activated(DaemonIdentity.VIRTPROXYD, proxy.sockets(null), fds, c));
    }

    @Test
    void ownIpSocketsFollowListenKeysOnIpDaemonsOnly() throws Exception {
        DaemonConfig c = config("listen_tcp = 1\nlisten_tls = 1\ntcp_port = \"1234\"\nlisten_addr = \"127.0.0.1\"\n");
        assertEquals(List.of(ListenerSpec.ip(Role.TCP, new java.net.InetSocketAddress("127.0.0.1", 1234)),
                        ListenerSpec.ip(Role.TLS, new java.net.InetSocketAddress("127.0.0.1", 16514))),
                ListenerPlan.ipSockets(DaemonIdentity.VIRTPROXYD, c.network()));
        assertEquals(List.of(), ListenerPlan.ipSockets(DaemonIdentity.VIRTQEMUD, c.network()));
        assertEquals(List.of(), ListenerPlan.ipSockets(DaemonIdentity.VIRTPROXYD,
                DaemonConfig.defaults("/p/virtproxyd.conf").network()));
        java.net.InetSocketAddress any = ListenerPlan.addresses(null, "16509").get(0);
        assertEquals(true, any.getAddress().isAnyLocalAddress());
        ConfigException e = assertThrows(ConfigException.class, () -> ListenerPlan.port(null, "nosuchservice"));
        assertEquals("Unable to resolve address '(null)' service 'nosuchservice': Servname not supported for "
                + "ai_socktype", e.getMessage());
        assertEquals(6, e.exitStatus());
    }
}
