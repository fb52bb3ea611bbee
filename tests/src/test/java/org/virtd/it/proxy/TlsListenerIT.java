package org.virtd.it.proxy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * virtproxyd's TCP and TLS listeners with the real virsh (issue 11's TLS "done when"): a client
 * certificate from the CA gets through the handshake to an RPC answer; another CA's, none, and a
 * DN off {@code tls_allowed_dn_list} are refused with a log line each; TCP reaches RPC with
 * {@code auth_tcp = "none"}; the TLS port never speaks plain RPC; and a TLS socket without
 * certificates, from the config or from systemd, stops the daemon with exit status 6.
 *
 * <p>No virtqemud runs here, so virtproxyd answers CONNECT_OPEN with libvirt's "Failed to connect
 * socket to ..." (or, without forwarding, "no connection driver available"): either text proves
 * TLS and RPC worked. A successful open passes too.
 */
class TlsListenerIT {
    /** Texts that only an RPC reply from virtproxyd puts in virsh's output. */
    private static final List<String> RPC_ANSWERS = List.of("no connection driver available",
            "Failed to connect socket to");

    @TempDir
    static Path shared;
    private static TestPki pki;
    private static VirtqemudProcess proxy;
    private static int tlsPort;
    private static int tcpPort;

    @BeforeAll
    static void start() throws Exception {
        Cli.requireTool("virsh");
        Cli.requireTool("certtool");
        pki = new TestPki(Files.createDirectories(shared.resolve("pki")));
        pki.ca("itca");
        pki.ca("otherca");
        pki.server("itca");
        pki.client("itca", "allowed", "client1");
        pki.client("itca", "stranger", "client2");
        pki.client("otherca", "foreign", "client1");
        Path prefix = shared.resolve("proxy");
        pki.installServer("itca", prefix);
        tlsPort = freePort();
        tcpPort = freePort();
        writeConfig(prefix, "listen_tls = 1", "tls_port = \"" + tlsPort + "\"", "listen_tcp = 1",
                "tcp_port = \"" + tcpPort + "\"", "auth_tcp = \"none\"", "listen_addr = \"127.0.0.1\"",
                "tls_allowed_dn_list = [ \"C=GB,O=Virtd IT,CN=client1\", \"C=XX,*\" ]");
        proxy = VirtqemudProcess.start(prefix, "virtproxyd", Map.of());
    }

    @AfterAll
    static void stop() {
        if (proxy != null) {
            proxy.close();
        }
    }

    /** virsh got an RPC-level reply: a successful open or virtproxyd's refusal of the URI. */
    private static boolean rpcAnswered(Cli.Result r) {
        return r.exit() == 0 || RPC_ANSWERS.stream().anyMatch(r.all()::contains);
    }

    private static Cli.Result virshTls(Path pkiDir) throws Exception {
        return Cli.virsh("qemu+tls://127.0.0.1:" + tlsPort + "/system?pkipath=" + pkiDir, "version");
    }

    @Test
    void aClientCertificateFromTheCaReachesRpcOverTls() throws Exception {
        Cli.Result r = virshTls(pki.clientDir("allowed", "itca"));
        String out = r.all();
        assertTrue(rpcAnswered(r), out + proxy.log());
        for (String tlsTrouble : List.of("TLS", "certificate", "handshake", "verification")) {
            assertFalse(out.contains(tlsTrouble), "TLS trouble in: " + out);
        }
    }

    @Test
    void anotherCasCertificateIsRefusedWithALogLine() throws Exception {
        assertRefused(pki.clientDir("foreign", "itca", "otherca"), "The certificate hasn't got a known issuer.");
    }

    @Test
    void noClientCertificateIsRefusedWithALogLine() throws Exception {
        assertRefused(pki.clientDir(null, "itca"), "No certificate was found");
    }

    @Test
    void aDnOffTheAllowListIsRefusedWithALogLine() throws Exception {
        assertRefused(pki.clientDir("stranger", "itca"), "tls_allowed_dn_list");
        assertTrue(proxy.log().contains("C=GB,O=Virtd IT,CN=client2"), proxy.log());
    }

    private static void assertRefused(Path pkiDir, String reason) throws Exception {
        Cli.Result r = virshTls(pkiDir);
        assertNotEquals(0, r.exit());
        assertFalse(rpcAnswered(r), "a refused client got an RPC answer: " + r.all());
        assertTrue(r.all().contains("server verification (of our certificate or IP address) failed"), r.all());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline && !refusalLogged(reason)) {
            Thread.sleep(50);
        }
        assertTrue(refusalLogged(reason), "no refusal log line with '" + reason + "':\n" + proxy.log());
    }

    private static boolean refusalLogged(String reason) {
        return proxy.log().lines().anyMatch(l -> l.contains("Refusing TLS client 127.0.0.1;") && l.contains(reason));
    }

    @Test
    void virtAdminShowsAConnectedTlsClientsDn() throws Exception {
        Cli.requireTool("virt-admin");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(pki.pkcs12("allowed"))) {
            keys.load(in, "secret".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "secret".toCharArray());
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(pki.caCert("itca"))) {
            trust.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", tlsPort)) {
            s.setSoTimeout(10_000);
            assertEquals(1, s.getInputStream().read(), "libvirt's one-byte confirmation");
            String admin = "libvirtd:///system?socket=" + proxy.adminSocket();
            Cli.Result list = Cli.run(List.of("virt-admin", "-c", admin, "client-list", "virtproxyd"), 30);
            assertEquals(0, list.exit(), list.all());
            String id = list.out().lines().filter(l -> l.contains("tls")).map(l -> l.trim().split("\\s+")[0])
                    .findFirst().orElseThrow(() -> new AssertionError("no TLS client listed:\n" + list.out()));
            Cli.Result info = Cli.run(List.of("virt-admin", "-c", admin, "client-info", "virtproxyd", id), 30);
            assertEquals(0, info.exit(), info.all());
            assertTrue(info.out().contains("tls_x509_dname") && info.out().contains("C=GB,O=Virtd IT,CN=client1"),
                    info.out());
            assertTrue(info.out().contains("127.0.0.1"), info.out());
        }
    }

    @Test
    void serverUpdateTlsRereadsTheFilesAndKeepsTheOldOnesOnFailure() throws Exception {
        Cli.requireTool("virt-admin");
        String admin = "libvirtd:///system?socket=" + proxy.adminSocket();
        Cli.Result ok = Cli.run(List.of("virt-admin", "-c", admin, "server-update-tls", "virtproxyd"), 30);
        assertEquals(0, ok.exit(), ok.all());
        Cli.Result none = Cli.run(List.of("virt-admin", "-c", admin, "server-update-tls", "admin"), 30);
        assertNotEquals(0, none.exit());
        assertTrue(none.all().contains("no tls service found, unable to update tls files"), none.all());
        Path ca = proxy.prefix().resolve("etc/pki/CA/cacert.pem");
        Path aside = ca.resolveSibling("cacert.pem.aside");
        Files.move(ca, aside);
        try {
            Cli.Result bad = Cli.run(List.of("virt-admin", "-c", admin, "server-update-tls", "virtproxyd"), 30);
            assertNotEquals(0, bad.exit());
            assertTrue(bad.all().contains("Cannot read CA certificate '" + ca + "'"), bad.all());
            Cli.Result still = virshTls(pki.clientDir("allowed", "itca"));
            assertTrue(rpcAnswered(still), still.all());
        } finally {
            Files.move(aside, ca);
        }
    }

    @Test
    void aTlsClientIsForwardedToVirtqemud() throws Exception {
        try (VirtqemudProcess qemud = VirtqemudProcess.start(proxy.prefix())) {
            Cli.Result r = Cli.virsh("qemu+tls://127.0.0.1:" + tlsPort + "/system?pkipath="
                    + pki.clientDir("allowed", "itca"), "version");
            assertEquals(0, r.exit(), r.all() + proxy.log());
            assertTrue(r.out().contains("Running hypervisor: QEMU"), r.out());
            Cli.Result tcp = Cli.virsh("qemu+tcp://127.0.0.1:" + tcpPort + "/system", "list", "--all");
            assertEquals(0, tcp.exit(), tcp.all());
        }
    }

    @Test
    void plainTcpReachesRpcWithAuthNone() throws Exception {
        Cli.Result r = Cli.virsh("qemu+tcp://127.0.0.1:" + tcpPort + "/system", "version");
        assertTrue(rpcAnswered(r), r.all() + proxy.log());
        assertTrue(proxy.log().contains("auth_tcp = \"none\""), "no start-up warning: " + proxy.log());
    }

    /**
     * Without {@code listen_addr} the TCP and TLS listeners take every address, IPv6 and IPv4
     * alike, as libvirt's do: clients reach RPC over {@code [::1]} and {@code 127.0.0.1}.
     */
    @Test
    void withoutListenAddrBothIpFamiliesReachRpc(@TempDir Path prefix) throws Exception {
        pki.installServer("itca", prefix);
        int tls = freePort();
        int tcp = freePort();
        writeConfig(prefix, "listen_tls = 1", "tls_port = \"" + tls + "\"", "listen_tcp = 1",
                "tcp_port = \"" + tcp + "\"", "auth_tcp = \"none\"");
        try (VirtqemudProcess dual = VirtqemudProcess.start(prefix, "virtproxyd", Map.of())) {
            for (String host : List.of("[::1]", "127.0.0.1")) {
                Cli.Result plain = Cli.virsh("qemu+tcp://" + host + ":" + tcp + "/system", "version");
                assertTrue(rpcAnswered(plain), host + ": " + plain.all() + dual.log());
                Cli.Result secure = Cli.virsh("qemu+tls://" + host + ":" + tls + "/system?pkipath="
                        + pki.clientDir("allowed", "itca"), "version");
                assertTrue(rpcAnswered(secure), host + ": " + secure.all() + dual.log());
            }
        }
    }

    /** Clients still shaking hands hold their max_clients slot, as libvirt counts them. */
    @Test
    void clientsInTheHandshakeCountTowardMaxClients(@TempDir Path prefix) throws Exception {
        pki.installServer("itca", prefix);
        int tls = freePort();
        writeConfig(prefix, "listen_tls = 1", "tls_port = \"" + tls + "\"", "listen_addr = \"127.0.0.1\"",
                "max_clients = 2", "max_anonymous_clients = 2");
        String uri = "qemu+tls://127.0.0.1:" + tls + "/system?pkipath=" + pki.clientDir("allowed", "itca");
        try (VirtqemudProcess limited = VirtqemudProcess.start(prefix, "virtproxyd", Map.of());
                Socket a = new Socket("127.0.0.1", tls); Socket b = new Socket("127.0.0.1", tls)) {
            Thread.sleep(500); // the two connections reach the event loop
            Cli.Result refused = Cli.virsh(uri, "version");
            assertFalse(rpcAnswered(refused), refused.all());
            assertTrue(limited.log().contains("refusing a client, 2 clients is the limit (max_clients)"),
                    limited.log());
            a.close();
            b.close();
            Cli.Result ok = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < deadline && (ok == null || !rpcAnswered(ok))) {
                ok = Cli.virsh(uri, "version");
            }
            assertTrue(rpcAnswered(ok), ok.all() + limited.log());
        }
    }

    @Test
    void theTlsPortNeverSpeaksPlainRpc() throws Exception {
        Cli.Result r = Cli.virsh("qemu+tcp://127.0.0.1:" + tlsPort + "/system", "version");
        assertFalse(rpcAnswered(r), r.all());
    }

    @Test
    void listenTlsWithoutCertificatesExitsSix(@TempDir Path prefix) throws Exception {
        writeConfig(prefix, "listen_tls = 1", "tls_port = \"" + freePort() + "\"");
        Exit e = runToExit(List.of(VirtqemudProcess.launcher("virtproxyd").toString()), prefix);
        assertEquals(6, e.status(), e.output());
        assertTrue(e.output().contains("Cannot read CA certificate '" + prefix.toRealPath()
                + "/etc/pki/CA/cacert.pem': No such file or directory"), e.output());
    }

    @Test
    void listenTcpWithLibvirtsDefaultSaslExitsSix(@TempDir Path prefix) throws Exception {
        writeConfig(prefix, "listen_tcp = 1", "tcp_port = \"" + freePort() + "\"");
        Exit e = runToExit(List.of(VirtqemudProcess.launcher("virtproxyd").toString()), prefix);
        assertEquals(6, e.status(), e.output());
        assertTrue(e.output().contains("auth_tcp = \"sasl\" (libvirt's default for TCP): SASL authentication is "
                + "not available"), e.output());
    }

    @Test
    void anActivatedTlsSocketWithoutCertificatesExitsSix(@TempDir Path prefix) throws Exception {
        Cli.requireTool("systemd-socket-activate");
        int port = freePort();
        Files.createDirectories(prefix);
        List<String> cmd = List.of("systemd-socket-activate", "-l", "127.0.0.1:" + port,
                "--fdname=virtproxyd-tls.socket", "-E", "VIRTD_PREFIX",
                VirtqemudProcess.launcher("virtproxyd").toString());
        Path out = prefix.resolve("activate.out");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("VIRTD_PREFIX", prefix.toString());
        pb.environment().remove("NOTIFY_SOCKET");
        Process p = pb.start();
        try {
            // systemd-socket-activate starts the daemon on the first connection
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            boolean connected = false;
            while (!connected && System.nanoTime() < deadline && p.isAlive()) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                    connected = true;
                } catch (IOException e) {
                    Thread.sleep(50);
                }
            }
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "still running: " + Files.readString(out));
            String text = Files.readString(out);
            assertEquals(6, p.exitValue(), text);
            assertTrue(text.contains("Cannot read CA certificate"), text);
        } finally {
            p.destroyForcibly();
        }
    }

    record Exit(int status, String output) {
    }

    private static Exit runToExit(List<String> cmd, Path prefix) throws Exception {
        Files.createDirectories(prefix);
        Path out = prefix.resolve("daemon.out");
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().put("VIRTD_PREFIX", prefix.toString());
        pb.environment().remove("NOTIFY_SOCKET");
        Process p = pb.start();
        try {
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "virtproxyd did not exit: " + Files.readString(out));
            return new Exit(p.exitValue(), Files.readString(out));
        } finally {
            p.destroyForcibly();
        }
    }

    private static void writeConfig(Path prefix, String... lines) throws IOException {
        Path dir = Files.createDirectories(prefix.resolve("etc/libvirt"));
        Files.write(dir.resolve("virtproxyd.conf"), List.of(lines));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
