package org.virtd.core.transport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * The per-certificate checks libvirt runs on its own certificates at start-up and on a client's
 * certificate after the handshake (virNetTLSContextCheckCert*): validity times, basic
 * constraints, key usage and key purpose. A failed usage or purpose check only refuses when
 * the extension is critical, otherwise it is a warning, as in libvirt.
 */
final class CertChecks {
    private static final Logger LOG = LoggerFactory.getLogger(CertChecks.class);
    private static final String BASIC_CONSTRAINTS = "2.5.29.19";
    private static final String KEY_USAGE = "2.5.29.15";
    private static final String EXT_KEY_USAGE = "2.5.29.37";
    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";
    private static final String ANY_PURPOSE = "2.5.29.37.0";

    /** Whose certificate: names the role in libvirt's messages. */
    enum Role {
        CA, SERVER, CLIENT
    }

    private CertChecks() {
    }

    static void all(X509Certificate c, String file, Role role) throws TlsException {
        times(c, file, role);
        basicConstraints(c, file, role);
        keyUsage(c, file, role == Role.CA);
        if (role != Role.CA) {
            purpose(c, file, role);
        }
    }

    static void times(X509Certificate c, String file, Role role) throws TlsException {
        String who = switch (role) {
            case CA -> "The CA certificate ";
            case SERVER -> "The server certificate ";
            case CLIENT -> "The client certificate ";
        };
        try {
            c.checkValidity();
        } catch (CertificateExpiredException e) {
            throw new TlsException(who + file + " has expired");
        } catch (CertificateNotYetValidException e) {
            throw new TlsException(who + file + " is not yet active");
        }
    }

    static void basicConstraints(X509Certificate c, String file, Role role) throws TlsException {
        boolean present = c.getExtensionValue(BASIC_CONSTRAINTS) != null;
        boolean isCa = c.getBasicConstraints() >= 0;
        if (role == Role.CA) {
            if (!present) {
                throw new TlsException("The certificate " + file + " is missing basic constraints for a CA");
            }
            if (!isCa) {
                throw new TlsException("The certificate " + file + " basic constraints do not show a CA");
            }
        } else if (isCa) {
            throw new TlsException("The certificate " + file + " basic constraints show a CA, but we need one for a "
                    + (role == Role.SERVER ? "server" : "client"));
        }
    }

    static void keyUsage(X509Certificate c, String file, boolean ca) throws TlsException {
        boolean[] usage = c.getKeyUsage();
        if (usage == null) {
            return; // no extension: every usage allowed
        }
        boolean critical = critical(c, KEY_USAGE);
        if (ca) {
            require(usage[5], critical, "Certificate " + file + " usage does not permit certificate signing");
        } else {
            require(usage[0], critical, "Certificate " + file + " usage does not permit digital signature");
            require(usage[2], critical, "Certificate " + file + " usage does not permit key encipherment");
        }
    }

    static void purpose(X509Certificate c, String file, Role role) throws TlsException {
        List<String> purposes;
        try {
            purposes = c.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            throw new TlsException("Unable to query certificate " + file + " key purpose " + e.getMessage());
        }
        if (purposes == null || purposes.isEmpty()) {
            return;
        }
        boolean server = false;
        boolean client = false;
        for (String p : purposes) {
            if (p.equals(SERVER_AUTH)) {
                server = true;
            } else if (p.equals(CLIENT_AUTH)) {
                client = true;
            } else if (!p.equals(ANY_PURPOSE)) {
                server = true; // libvirt lets any other purpose count for both sides
                client = true;
            }
        }
        boolean ok = role == Role.SERVER ? server : client;
        require(ok, critical(c, EXT_KEY_USAGE), "Certificate " + file + " purpose does not allow use for with a TLS "
                + (role == Role.SERVER ? "server" : "client"));
    }

    private static void require(boolean ok, boolean critical, String message) throws TlsException {
        if (ok) {
            return;
        }
        if (critical) {
            throw new TlsException(message);
        }
        LOG.warn(message);
    }

    private static boolean critical(X509Certificate c, String oid) {
        return c.getCriticalExtensionOIDs() != null && c.getCriticalExtensionOIDs().contains(oid);
    }
}
