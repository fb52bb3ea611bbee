package org.virtd.core.transport;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Loading the server's files: certtool's key formats, and libvirt's texts for what is wrong. */
class TlsContextTest {
    private static final Path DIR = TlsListenerTest.DIR;

    private static TlsSettings files(String ca, String cert, String key) {
        return new TlsSettings(DIR.resolve(ca), null, false, DIR.resolve(cert), DIR.resolve(key), null, null, true,
                true);
    }

    @Test
    void certtoolKeysLoad() throws Exception {
        assertEquals("RSA", PemFiles.privateKey(DIR.resolve("serverkey.pem")).getAlgorithm()); // PKCS#1 + text
        assertEquals("EC", PemFiles.privateKey(DIR.resolve("serverkey-ec.pem")).getAlgorithm()); // SEC1
        assertEquals("RSA", PemFiles.privateKey(DIR.resolve("serverkey-pkcs8.pem")).getAlgorithm());
        TlsContext.load(files("cacert.pem", "servercert.pem", "serverkey.pem"));
        // certtool leaves key encipherment out of an EC certificate; libvirt's sanity check then
        // refuses it as we do, and tls_no_sanity_certificate lets it through
        TlsException e = assertThrows(TlsException.class,
                () -> TlsContext.load(files("cacert.pem", "servercert-ec.pem", "serverkey-ec.pem")));
        assertEquals("Certificate " + DIR.resolve("servercert-ec.pem") + " usage does not permit key encipherment",
                e.getMessage());
        TlsContext.load(new TlsSettings(DIR.resolve("cacert.pem"), null, false, DIR.resolve("servercert-ec.pem"),
                DIR.resolve("serverkey-ec.pem"), null, null, false, true));
    }

    @Test
    void missingFilesAreNamedInLibvirtsOrder() {
        TlsException e = assertThrows(TlsException.class,
                () -> TlsContext.load(files("nope-ca.pem", "nope-cert.pem", "nope-key.pem")));
        assertEquals("Cannot read CA certificate '" + DIR.resolve("nope-ca.pem") + "': No such file or directory",
                e.getMessage());
        e = assertThrows(TlsException.class, () -> TlsContext.load(files("cacert.pem", "servercert.pem", "nope.pem")));
        assertEquals("Cannot read private key '" + DIR.resolve("nope.pem") + "': No such file or directory",
                e.getMessage());
        e = assertThrows(TlsException.class, () -> TlsContext.load(files("cacert.pem", "nope.pem", "serverkey.pem")));
        assertEquals("Cannot read certificate '" + DIR.resolve("nope.pem") + "': No such file or directory",
                e.getMessage());
    }

    @Test
    void aKeyOfAnotherCertificateOrACertOfAnotherCaIsRefused() {
        TlsException e = assertThrows(TlsException.class,
                () -> TlsContext.load(files("cacert.pem", "servercert.pem", "clientkey.pem")));
        assertEquals(true, e.getMessage().startsWith("Unable to set x509 key and certificate: "), e.getMessage());
        e = assertThrows(TlsException.class, () -> TlsContext.load(files("cacert.pem", "otherclientcert.pem",
                "otherclientkey.pem")));
        assertEquals(true, e.getMessage().startsWith("Our own certificate " + DIR.resolve("otherclientcert.pem")
                + " failed validation against " + DIR.resolve("cacert.pem")), e.getMessage());
    }

    @Test
    void dnIsPrintedInGnutlsOrder() throws Exception {
        assertEquals("C=GB,ST=London,L=London,O=Virtd Test,CN=client1",
                X509Dname.of(PemFiles.certificates(DIR.resolve("clientcert.pem")).get(0)));
        assertEquals("CN=Virtd Test CA", X509Dname.of(PemFiles.certificates(DIR.resolve("cacert.pem")).get(0)));
    }

    @Test
    void dnGlobsAreGlibSimplePatterns() {
        DnAllowList list = DnAllowList.of(List.of("C=GB,*,CN=client?", "O=Exact"));
        assertEquals(true, list.allows("C=GB,ST=London,O=X,CN=client1"));
        assertEquals(false, list.allows("C=GB,ST=London,O=X,CN=client12"));
        assertEquals(true, list.allows("O=Exact"));
        assertEquals(false, list.allows("O=Exact,CN=x"));
        assertEquals(true, DnAllowList.of(null).allows("anything"));
        assertEquals(false, DnAllowList.of(List.of()).allows("anything"));
        assertEquals(true, DnAllowList.matches("*", ""));
        assertEquals(true, DnAllowList.matches("a*b*c", "aXbYbZc"));
        assertEquals(false, DnAllowList.matches("[ab]", "a"));
        assertEquals(true, DnAllowList.matches("[ab]", "[ab]"));
    }

    @Test
    void priorityKeepsVersionsAndReportsTheRest() throws Exception {
        assertEquals(List.of("TLSv1.3", "TLSv1.2"), TlsPriority.parse(null).protocols());
        TlsPriority p = TlsPriority.parse("NORMAL:-VERS-TLS1.2:%COMPAT:+AES-256-GCM");
        assertEquals(List.of("TLSv1.3"), p.protocols());
        assertEquals(List.of("%COMPAT", "+AES-256-GCM"), p.ignored());
        assertEquals(List.of("TLSv1.2"), TlsPriority.parse("SECURE256:-VERS-ALL:+VERS-TLS1.2").protocols());
        assertThrows(TlsException.class, () -> TlsPriority.parse("NORMAL:-VERS-ALL"));
        assertThrows(TlsException.class, () -> TlsPriority.parse("BOGUS"));
    }
}
