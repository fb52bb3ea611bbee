package org.virtd.core.daemon;

import org.junit.jupiter.api.Test;
import org.virtd.core.config.ConfParser;
import org.virtd.core.config.ConfigException;
import org.virtd.core.config.DaemonConfig;
import org.virtd.core.config.DaemonConfigReader;
import org.virtd.core.transport.ListenerSpec;
import org.virtd.core.transport.ListenerSpec.Role;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which TCP/TLS sockets virtproxyd may serve, and the refusals' texts and exit status. */
class AuthRulesTest {
    private static final Path FIXTURES = Path.of("src/test/resources/tls").toAbsolutePath();
    private final DaemonPaths paths = DaemonPaths.of(DaemonIdentity.VIRTPROXYD, 0, Map.of("VIRTD_PREFIX", "/nonexistent"));
    private static final ListenerSpec TCP = ListenerSpec.ip(Role.TCP, new InetSocketAddress(16509));
    private static final ListenerSpec TLS = ListenerSpec.inherited(Role.TLS, 3);
    private static final ListenerSpec RW = ListenerSpec.unix(Role.RW, Path.of("/x/libvirt-sock"), 0700, -1);

    private static DaemonConfig config(String text) throws ConfigException {
        return DaemonConfigReader.read(ConfParser.parse("/p/virtproxyd.conf", text));
    }

    @Test
    void unixSocketsNeedNothing() throws Exception {
        List<ListenerSpec> specs = List.of(RW);
        assertSame(specs, AuthRules.apply(specs, config(""), paths));
    }

    @Test
    void tcpNeedsAnExplicitAuthNone() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AuthRules.apply(List.of(RW, TCP), config("listen_tcp = 1\n"), paths));
        assertEquals(6, e.exitStatus());
        assertTrue(e.getMessage().startsWith("unsupported configuration: /p/virtproxyd.conf: auth_tcp = \"sasl\" "
                + "(libvirt's default for TCP): SASL authentication is not available"), e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> AuthRules.apply(List.of(TCP), config("listen_tcp = 1\nauth_tcp = \"sasl\"\n"), paths));
        assertTrue(e.getMessage().contains("/p/virtproxyd.conf:2: auth_tcp = \"sasl\": SASL"), e.getMessage());
        e = assertThrows(ConfigException.class,
                () -> AuthRules.apply(List.of(TCP), config("auth_tcp = \"polkit\"\n"), paths));
        assertTrue(e.getMessage().contains("auth_tcp = \"polkit\""), e.getMessage());
        assertEquals(List.of(RW, TCP), AuthRules.apply(List.of(RW, TCP), config("auth_tcp = \"none\"\n"), paths));
    }

    @Test
    void tlsWithSaslOrWithoutCertificatesRefusesToStart() throws Exception {
        ConfigException e = assertThrows(ConfigException.class,
                () -> AuthRules.apply(List.of(TLS), config("auth_tls = \"sasl\"\n"), paths));
        assertTrue(e.getMessage().contains("auth_tls = \"sasl\": SASL authentication is not available"),
                e.getMessage());
        e = assertThrows(ConfigException.class, () -> AuthRules.apply(List.of(TLS), config(""), paths));
        assertEquals("Unable to set up TLS: Cannot read CA certificate '/nonexistent/etc/pki/CA/cacert.pem': "
                + "No such file or directory", e.getMessage());
        assertEquals(6, e.exitStatus());
        e = assertThrows(ConfigException.class,
                () -> AuthRules.apply(List.of(TLS), config("cert_file = \"/a\"\nkey_file = \"/b\"\n"), paths));
        assertEquals("unsupported configuration: No CA certificate path set to match server key/cert", e.getMessage());
    }

    @Test
    void tlsSocketsGetTheirContext() throws Exception {
        String conf = "ca_file = \"" + FIXTURES.resolve("cacert.pem") + "\"\ncert_file = \""
                + FIXTURES.resolve("servercert.pem") + "\"\nkey_file = \"" + FIXTURES.resolve("serverkey.pem") + "\"\n";
        List<ListenerSpec> out = AuthRules.apply(List.of(RW, TLS), config(conf), paths);
        assertEquals(RW, out.get(0));
        assertNotNull(out.get(1).tls());
        assertEquals(FIXTURES.resolve("servercert.pem"), out.get(1).tls().settings().certFile());
    }

    @Test
    void defaultFilesAreRelocatedAndUserFilesFallBackToTheSystemOnes() throws Exception {
        var s = TlsFiles.settings(config("").network(), paths);
        assertEquals(Path.of("/nonexistent/etc/pki/libvirt/private/serverkey.pem"), s.keyFile());
        assertEquals(Path.of("/nonexistent/etc/pki/CA/cacrl.pem"), s.crlFile());
        assertTrue(s.crlOptional());
        DaemonPaths user = DaemonPaths.of(DaemonIdentity.VIRTPROXYD, 1000, Map.of("HOME", "/nohome"));
        var u = TlsFiles.settings(config("").network(), user);
        assertEquals(Path.of("/etc/pki/CA/cacert.pem"), u.caFile());
        assertEquals(Path.of("/etc/pki/libvirt/servercert.pem"), u.certFile());
    }
}
