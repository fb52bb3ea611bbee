package org.virtd.core.transport;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslHandler;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A TLS server context (libvirt's virNetTLSContext): the server's key and certificate, the CA
 * and CRL that client certificates are checked against, the DN allow-list and the priority. It
 * hands each TLS connection a fresh {@link SslHandler} and judges the client after the handshake.
 * {@link #reload()} re-reads the files (virt-admin server-update-tls); connections already up
 * keep their session, new ones use the new files, and a failed reload keeps the old ones.
 */
public final class TlsContext {
    private static final char[] STORE_PASSWORD = "virtd".toCharArray();
    /** One second over the JDK's maximum ticket lifetime (RFC 8446's 7 days). */
    private static final int NO_TICKETS_TIMEOUT = 604_801;

    private final TlsSettings settings;
    private final DnAllowList allowed;
    private final TlsPriority priority;
    private volatile Credentials credentials;

    /** One generation of the files, swapped whole on reload. */
    private record Credentials(SSLContext ssl, List<X509Certificate> cas, List<X509CRL> crls) {
    }

    private TlsContext(TlsSettings settings, TlsPriority priority, Credentials credentials) {
        this.settings = settings;
        this.allowed = DnAllowList.of(settings.allowedDns());
        this.priority = priority;
        this.credentials = credentials;
    }

    /** Reads and checks every file; the message of a failure is libvirt's text naming the file. */
    public static TlsContext load(TlsSettings settings) throws TlsException {
        TlsPriority priority = TlsPriority.parse(settings.priority());
        return new TlsContext(settings, priority, read(settings));
    }

    public void reload() throws TlsException {
        credentials = read(settings);
    }

    public TlsSettings settings() {
        return settings;
    }

    /** The {@code tls_priority} items the JDK cannot honour (logged once at start-up). */
    public List<String> ignoredPriorityItems() {
        return priority.ignored();
    }

    SslHandler newHandler(ByteBufAllocator alloc) {
        SSLEngine engine = credentials.ssl().createSSLEngine();
        engine.setUseClientMode(false);
        // requested, not required, as libvirt does: a client without one is refused after the
        // handshake with a clear reason instead of a bare TLS alert
        engine.setWantClientAuth(true);
        engine.setEnabledProtocols(priority.protocols().toArray(String[]::new));
        return new SslHandler(engine);
    }

    /** Judges a client whose handshake completed. With verification off every client passes. */
    PeerCertCheck.Verdict check(SSLSession session) {
        Credentials c = credentials;
        return PeerCertCheck.check(session, c.cas(), c.crls(), allowed);
    }

    boolean verifyPeer() {
        return settings.verifyPeer();
    }

    private static Credentials read(TlsSettings s) throws TlsException {
        requireFile("CA certificate", s.caFile());
        List<X509CRL> crls = List.of();
        if (s.crlFile() != null && (!s.crlOptional() || Files.exists(s.crlFile()))) {
            requireFile("CA revocation list", s.crlFile());
            try {
                crls = PemFiles.crls(s.crlFile());
            } catch (IOException | GeneralSecurityException e) {
                throw new TlsException("Unable to set x509 certificate revocation list: " + s.crlFile() + ": "
                        + e.getMessage(), e);
            }
        }
        requireFile("certificate", s.certFile());
        requireFile("private key", s.keyFile());
        List<X509Certificate> cas;
        try {
            cas = PemFiles.certificates(s.caFile());
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsException("Unable to set x509 CA certificate: " + s.caFile() + ": " + e.getMessage(), e);
        }
        List<X509Certificate> chain;
        PrivateKey key;
        try {
            chain = PemFiles.certificates(s.certFile());
            key = PemFiles.privateKey(s.keyFile());
            requireMatch(key, chain.get(0));
        } catch (IOException | GeneralSecurityException e) {
            throw new TlsException("Unable to set x509 key and certificate: " + s.keyFile() + ", " + s.certFile()
                    + ": " + e.getMessage(), e);
        }
        if (s.sanityCheck()) {
            sanityCheck(s, cas, chain.get(0));
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, STORE_PASSWORD, chain.toArray(Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, STORE_PASSWORD);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(kmf.getKeyManagers(), new TrustManager[] {new DeferredTrust()}, new SecureRandom());
            // No session tickets: a TLS 1.3 ticket arriving right after the handshake makes a
            // libvirt client's one-byte read of the confirmation fail with EAGAIN ("Unable to
            // read TLS confirmation"). The JDK sends none when the session lifetime exceeds the
            // 7-day ticket maximum; libvirt clients never resume sessions, so keep one at most.
            ssl.getServerSessionContext().setSessionTimeout(NO_TICKETS_TIMEOUT);
            ssl.getServerSessionContext().setSessionCacheSize(1);
            return new Credentials(ssl, List.copyOf(cas), List.copyOf(crls));
        } catch (GeneralSecurityException | IOException e) {
            throw new TlsException("Unable to set x509 key and certificate: " + s.keyFile() + ", " + s.certFile()
                    + ": " + e.getMessage(), e);
        }
    }

    private static void requireFile(String type, Path file) throws TlsException {
        if (!Files.exists(file)) {
            throw new TlsException("Cannot read " + type + " '" + file + "': No such file or directory");
        }
        if (!Files.isReadable(file)) {
            throw new TlsException("Cannot read " + type + " '" + file + "': Permission denied");
        }
    }

    /** gnutls refuses a key that does not belong to the certificate; so do we (sign, then verify). */
    private static void requireMatch(PrivateKey key, X509Certificate cert) throws GeneralSecurityException {
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
            default -> null;
        };
        if (alg == null) {
            return;
        }
        byte[] probe = "virtd key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        Signature sign = Signature.getInstance(alg);
        sign.initSign(key);
        sign.update(probe);
        byte[] sig = sign.sign();
        Signature verify = Signature.getInstance(alg);
        verify.initVerify(cert.getPublicKey());
        verify.update(probe);
        if (!verify.verify(sig)) {
            throw new GeneralSecurityException("The private key does not match the certificate");
        }
    }

    /** libvirt's virNetTLSContextSanityCheckCredentials for a server. */
    private static void sanityCheck(TlsSettings s, List<X509Certificate> cas, X509Certificate cert)
            throws TlsException {
        CertChecks.all(cert, s.certFile().toString(), CertChecks.Role.SERVER);
        for (X509Certificate ca : cas) {
            CertChecks.all(ca, s.caFile().toString(), CertChecks.Role.CA);
        }
        Set<TrustAnchor> anchors = new HashSet<>();
        cas.forEach(ca -> anchors.add(new TrustAnchor(ca, null)));
        try {
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(false);
            java.security.cert.CertPathValidator.getInstance("PKIX").validate(
                    CertificateFactory.getInstance("X.509").generateCertPath(List.of(cert)), params);
        } catch (GeneralSecurityException e) {
            throw new TlsException("Our own certificate " + s.certFile() + " failed validation against "
                    + s.caFile() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Accepts any client certificate during the handshake; {@link PeerCertCheck} judges it right
     * after, so a refused client gets a log line with libvirt's reason. Advertises no CA names,
     * so clients send the certificate they have even when it is from another CA.
     */
    private static final class DeferredTrust extends X509ExtendedTrustManager {
        private static final X509Certificate[] NONE = new X509Certificate[0];

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("server side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("server side only");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType)
                throws java.security.cert.CertificateException {
            throw new java.security.cert.CertificateException("server side only");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return NONE;
        }
    }
}
