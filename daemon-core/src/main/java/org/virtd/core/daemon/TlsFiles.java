package org.virtd.core.daemon;

import org.virtd.core.config.ConfigException;
import org.virtd.core.config.DaemonConfig;
import org.virtd.core.config.SocketModes;
import org.virtd.core.transport.TlsSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Which TLS files a TLS listener uses (libvirt's daemonSetupNetworking and
 * virNetTLSContextLocateCredentials, daemons.md §6, §12): {@code ca_file}, {@code cert_file} and
 * {@code key_file} (all three, or none) with the optional {@code crl_file}; otherwise the
 * built-in paths, which for a non-root daemon are {@code ~/.pki/libvirt/...} falling back to the
 * system files one by one (cert and key as a pair). Every path is relocated under VIRTD_PREFIX.
 */
final class TlsFiles {
    static final String CA = "/etc/pki/CA/cacert.pem";
    static final String CRL = "/etc/pki/CA/cacrl.pem";
    static final String CERT = "/etc/pki/libvirt/servercert.pem";
    static final String KEY = "/etc/pki/libvirt/private/serverkey.pem";

    private TlsFiles() {
    }

    static TlsSettings settings(DaemonConfig.Network net, DaemonPaths paths) throws ConfigException {
        boolean verify = !net.tlsNoVerifyCertificate();
        boolean sanity = !net.tlsNoSanityCertificate();
        String priority = net.tlsPriority().orElse(null);
        var dns = net.tlsAllowedDnList().orElse(null);
        if (net.caFile().isPresent() || net.certFile().isPresent() || net.keyFile().isPresent()) {
            String ca = required(net.caFile(), "No CA certificate path set to match server key/cert");
            String cert = required(net.certFile(), "No server certificate path set to match server key");
            String key = required(net.keyFile(), "No server key path set to match server cert");
            Path crl = net.crlFile().map(Path::of).orElse(null);
            return new TlsSettings(Path.of(ca), crl, false, Path.of(cert), Path.of(key), dns, priority, sanity, verify);
        }
        Path ca = paths.caCert();
        Path crl = paths.caCrl();
        Path cert = paths.serverCert();
        Path key = paths.serverKey();
        if (paths.userPki()) {
            ca = Files.exists(ca) ? ca : paths.systemPki(CA);
            crl = Files.exists(crl) ? crl : paths.systemPki(CRL);
            if (!Files.exists(cert) || !Files.exists(key)) {
                cert = paths.systemPki(CERT);
                key = paths.systemPki(KEY);
            }
        }
        return new TlsSettings(ca, crl, true, cert, key, dns, priority, sanity, verify);
    }

    private static String required(Optional<String> value, String message) throws ConfigException {
        if (value.isEmpty()) {
            throw new ConfigException("unsupported configuration: " + message, SocketModes.NETWORK_FAILURE);
        }
        return value.get();
    }
}
