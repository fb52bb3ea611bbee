package org.virtd.core.transport;

import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The check of a TLS client after its handshake (libvirt's virNetTLSContextValidCertificate):
 * a certificate must have been sent, chain to the configured CA (and not be revoked by the CRL),
 * be valid now, have a DN on {@code tls_allowed_dn_list}, and not be a CA or unfit for a client.
 * The handshake itself only proved the client holds the certificate's key.
 */
final class PeerCertCheck {
    private static final String SESSION = "[session]";

    private PeerCertCheck() {
    }

    /** The client's DN (null without a certificate) and why it is refused (null = accepted). */
    record Verdict(String dn, String refusal) {
        boolean accepted() {
            return refusal == null;
        }
    }

    static Verdict check(SSLSession session, List<X509Certificate> cas, List<X509CRL> crls, DnAllowList allowed) {
        List<X509Certificate> chain = new ArrayList<>();
        try {
            for (Certificate c : session.getPeerCertificates()) {
                if (c instanceof X509Certificate x) {
                    chain.add(x);
                }
            }
        } catch (SSLPeerUnverifiedException e) {
            return new Verdict(null, "Unable to verify TLS peer: No certificate was found.");
        }
        if (chain.isEmpty()) {
            return new Verdict(null, "Only x509 certificates are supported");
        }
        X509Certificate leaf = chain.get(0);
        String dn = X509Dname.of(leaf);
        String invalid = validate(chain, cas, crls);
        if (invalid != null) {
            return new Verdict(dn, invalid);
        }
        try {
            CertChecks.times(leaf, SESSION, CertChecks.Role.CLIENT);
            if (!allowed.allows(dn)) {
                return new Verdict(dn, "Client's Distinguished Name is not on the list of allowed clients "
                        + "(tls_allowed_dn_list).  Use 'virt-pki-query-dn clientcert.pem' to view the "
                        + "Distinguished Name field in the client certificate, or run this daemon with "
                        + "--verbose option. (DN '" + dn + "')");
            }
            CertChecks.basicConstraints(leaf, SESSION, CertChecks.Role.CLIENT);
            CertChecks.keyUsage(leaf, SESSION, false);
            CertChecks.purpose(leaf, SESSION, CertChecks.Role.CLIENT);
        } catch (TlsException e) {
            return new Verdict(dn, e.getMessage());
        }
        return new Verdict(dn, null);
    }

    /** PKIX path validation to one of the CA certificates; null when valid, else libvirt's reason. */
    private static String validate(List<X509Certificate> chain, List<X509Certificate> cas, List<X509CRL> crls) {
        Set<TrustAnchor> anchors = new HashSet<>();
        for (X509Certificate ca : cas) {
            anchors.add(new TrustAnchor(ca, null));
        }
        List<X509Certificate> path = new ArrayList<>(chain);
        path.removeIf(cas::contains); // a client may send the CA too; a path stops below its anchor
        if (path.isEmpty()) {
            return "Certificate failed validation: The certificate is not trusted.";
        }
        try {
            PKIXParameters params = new PKIXParameters(anchors);
            params.setRevocationEnabled(!crls.isEmpty());
            if (!crls.isEmpty()) {
                params.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
            }
            CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
            return null;
        } catch (CertPathValidatorException e) {
            return "Certificate failed validation: " + reason(e);
        } catch (GeneralSecurityException e) {
            return "Unable to verify TLS peer: " + e.getMessage();
        }
    }

    private static String reason(CertPathValidatorException e) {
        if (e.getReason() == CertPathValidatorException.BasicReason.REVOKED) {
            return "The certificate has been revoked.";
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED) {
            return "The certificate has expired.";
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return "The certificate is not yet activated.";
        }
        if (e.getReason() == CertPathValidatorException.BasicReason.ALGORITHM_CONSTRAINED) {
            return "The certificate uses an insecure algorithm";
        }
        if (e.getReason() == java.security.cert.PKIXReason.NO_TRUST_ANCHOR) {
            return "The certificate hasn't got a known issuer.";
        }
        return "The certificate is not trusted. (" + e.getMessage() + ")";
    }
}
