package org.virtd.core.transport;

import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * A certificate subject as libvirt shows and matches it: gnutls_x509_crt_get_dn's string, RDNs
 * in the certificate's own order (usually country first: {@code C=GB,ST=London,O=Acme,CN=client1})
 * with RFC 4514 escaping, which is the reverse of the JDK's RFC 2253 order.
 */
final class X509Dname {
    /** Attribute names gnutls prints where the JDK would print a dotted OID. */
    private static final Map<String, String> NAMES = Map.of(
            "1.2.840.113549.1.9.1", "EMAIL",
            "2.5.4.5", "serialNumber",
            "2.5.4.12", "title",
            "2.5.4.42", "givenName",
            "2.5.4.4", "surName",
            "2.5.4.46", "dnQualifier",
            "2.5.4.65", "pseudonym");

    private X509Dname() {
    }

    static String of(X509Certificate cert) {
        return of(cert.getSubjectX500Principal());
    }

    static String of(X500Principal principal) {
        String rfc2253 = principal.getName(X500Principal.RFC2253, NAMES);
        try {
            List<Rdn> rdns = new LdapName(rfc2253).getRdns(); // index 0 = first RDN of the encoding
            StringJoiner out = new StringJoiner(",");
            for (Rdn r : rdns) {
                out.add(r.toString());
            }
            return out.toString();
        } catch (InvalidNameException e) {
            return rfc2253;
        }
    }
}
