package org.virtd.core.transport;

import io.netty.buffer.ByteBuf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.virtd.core.peer.Inbound;
import org.virtd.core.peer.Peer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A TLS listener end to end in-process, with the JDK as the client: the client is handed to the
 * server only after the handshake and the certificate check, gets libvirt's {@code \1} first,
 * and its DN reaches the peer; clients without a certificate, from another CA, or outside the
 * DN allow-list never reach the server.
 */
class TlsListenerTest {
    static final Path DIR = Path.of("src/test/resources/tls");
    private final EventLoops loops = new EventLoops(1);
    private final BlockingQueue<Peer> accepted = new LinkedBlockingQueue<>();
    private Listener listener;

    @BeforeEach
    void quiet() {
        accepted.clear();
    }

    @AfterEach
    void close() {
        if (listener != null) {
            listener.close();
        }
        loops.close();
    }

    static TlsSettings settings(List<String> dns, boolean verify) {
        return new TlsSettings(DIR.resolve("cacert.pem"), null, false, DIR.resolve("servercert.pem"),
                DIR.resolve("serverkey.pem"), dns, null, true, verify);
    }

    private int start(TlsSettings s) throws Exception {
        ListenerSpec spec = ListenerSpec.ip(ListenerSpec.Role.TLS, new InetSocketAddress("127.0.0.1", 0))
                .withTls(TlsContext.load(s));
        listener = Listener.open(loops, (peer, ro) -> {
            accepted.add(peer);
            return new Inbound() {
                @Override
                public void frame(ByteBuf packet) {
                    packet.release();
                }

                @Override
                public void writabilityChanged(boolean writable) {
                }

                @Override
                public void disconnected() {
                }
            };
        }, spec, 10, 32 * 1024, 64 * 1024);
        listener.start();
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    private static SSLSocket connect(int port, String certPrefix) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", PemFiles.certificates(DIR.resolve("cacert.pem")).get(0));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (certPrefix != null) {
            keys.setKeyEntry("me", PemFiles.privateKey(DIR.resolve(certPrefix + "key.pem")), new char[0],
                    PemFiles.certificates(DIR.resolve(certPrefix + "cert.pem")).toArray(Certificate[]::new));
        }
        kmf.init(keys, new char[0]);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", port);
        s.setSoTimeout(5000);
        s.startHandshake();
        return s;
    }

    /** The first byte after the handshake, or -1 when the server closed instead. */
    private static int confirmation(SSLSocket s) {
        try (s) {
            InputStream in = s.getInputStream();
            return in.read();
        } catch (IOException e) {
            return -1;
        }
    }

    @Test
    void aClientWithACertificateFromTheCaIsConfirmedThenAcceptedWithItsDn() throws Exception {
        int port = start(settings(null, true));
        SSLSocket s = connect(port, "client");
        assertEquals(1, s.getInputStream().read());
        Peer p = accepted.poll(5, TimeUnit.SECONDS);
        assertNotNull(p);
        assertEquals("C=GB,ST=London,L=London,O=Virtd Test,CN=client1", p.x509Dn());
        assertEquals(2, p.transport());
        assertTrue(p.address().startsWith("127.0.0.1;"));
        s.close();
    }

    @Test
    void noCertificateAnotherCaOrADnOffTheListNeverReachTheServer() throws Exception {
        int port = start(settings(List.of("C=GB,*,CN=admin*"), true));
        assertEquals(-1, confirmation(connect(port, null)));
        assertEquals(-1, confirmation(connect(port, "otherclient")));
        assertEquals(-1, confirmation(connect(port, "client")));
        assertNull(accepted.poll(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void theDnListAdmitsAMatchingClient() throws Exception {
        int port = start(settings(List.of("C=XX*", "C=GB,ST=London,*,CN=client?"), true));
        assertEquals(1, confirmation(connect(port, "client")));
        assertNotNull(accepted.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void withVerificationOffABadCertificateIsLetIn() throws Exception {
        int port = start(settings(null, false));
        assertEquals(1, confirmation(connect(port, "otherclient")));
        Peer p = accepted.poll(5, TimeUnit.SECONDS);
        assertEquals("O=Virtd Test,CN=client1", p.x509Dn());
    }

    @Test
    void aTlsSocketWithoutContextIsNeverOpened() {
        ListenerSpec bare = ListenerSpec.ip(ListenerSpec.Role.TLS, new InetSocketAddress("127.0.0.1", 0));
        IOException e = assertThrows(IOException.class,
                () -> Listener.open(loops, (p, ro) -> null, bare, 10, 1024, 2048));
        assertTrue(e.getMessage().contains("refusing"), e.getMessage());
    }
}
