package org.virtd.core.transport;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the PEM files libvirt's TLS set-up takes, as certtool writes them: text before the
 * armour is skipped (certtool prints the key's details first), keys may be PKCS#8 ({@code
 * PRIVATE KEY}), PKCS#1 RSA ({@code RSA PRIVATE KEY}, certtool's default) or SEC1 EC ({@code EC
 * PRIVATE KEY}); the last two are wrapped into PKCS#8 so the JDK's key factories read them.
 */
final class PemFiles {
    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    /** AlgorithmIdentifier rsaEncryption with NULL parameters. */
    private static final byte[] RSA_ALG = hex("300d06092a864886f70d0101010500");
    /** OID id-ecPublicKey. */
    private static final byte[] EC_OID = hex("06072a8648ce3d0201");

    private PemFiles() {
    }

    record Block(String label, byte[] der) {
    }

    static List<Block> blocks(String text) {
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2).replaceAll("\\s", ""))));
        }
        return out;
    }

    static List<X509Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        for (Block b : blocks(read(file))) {
            if (b.label().equals("CERTIFICATE") || b.label().equals("X509 CERTIFICATE")) {
                out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(b.der())));
            }
        }
        if (out.isEmpty()) {
            throw new GeneralSecurityException("no PEM certificate in the file");
        }
        return out;
    }

    static List<X509CRL> crls(Path file) throws IOException, GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509CRL> out = new ArrayList<>();
        for (Block b : blocks(read(file))) {
            if (b.label().equals("X509 CRL")) {
                out.add((X509CRL) cf.generateCRL(new ByteArrayInputStream(b.der())));
            }
        }
        return out;
    }

    static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        for (Block b : blocks(read(file))) {
            switch (b.label()) {
                case "PRIVATE KEY":
                    return pkcs8(b.der(), "RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS", "DSA");
                case "RSA PRIVATE KEY":
                    return pkcs8(pkcs8Wrap(RSA_ALG, b.der()), "RSA");
                case "EC PRIVATE KEY":
                    return pkcs8(pkcs8Wrap(der(0x30, concat(EC_OID, curveOf(b.der()))), b.der()), "EC");
                case "ENCRYPTED PRIVATE KEY":
                    throw new GeneralSecurityException("encrypted private keys are not supported");
                default:
                    break;
            }
        }
        throw new GeneralSecurityException("no PEM private key in the file");
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.US_ASCII);
    }

    private static PrivateKey pkcs8(byte[] der, String... algorithms) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String alg : algorithms) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new GeneralSecurityException("unreadable private key", last);
    }

    /** PrivateKeyInfo ::= SEQUENCE { version 0, algorithm, privateKey OCTET STRING }. */
    private static byte[] pkcs8Wrap(byte[] algorithm, byte[] key) {
        return der(0x30, concat(new byte[] {2, 1, 0}, algorithm, der(0x04, key)));
    }

    /** The namedCurve OID TLV from SEC1's {@code [0] parameters}. */
    private static byte[] curveOf(byte[] sec1) throws GeneralSecurityException {
        int[] seq = header(sec1, 0);
        int pos = seq[0];
        int end = seq[0] + seq[1];
        while (pos < end) {
            int tag = sec1[pos] & 0xff;
            int[] h = header(sec1, pos);
            if (tag == 0xa0) {
                int[] oid = header(sec1, h[0]);
                return Arrays.copyOfRange(sec1, h[0], oid[0] + oid[1]);
            }
            pos = h[0] + h[1];
        }
        throw new GeneralSecurityException("EC private key names no curve");
    }

    /** {content offset, content length} of the TLV at {@code pos}. */
    private static int[] header(byte[] d, int pos) throws GeneralSecurityException {
        if (pos + 2 > d.length) {
            throw new GeneralSecurityException("truncated DER");
        }
        int len = d[pos + 1] & 0xff;
        int off = pos + 2;
        if (len >= 0x80) {
            int n = len & 0x7f;
            if (n == 0 || n > 3 || off + n > d.length) {
                throw new GeneralSecurityException("bad DER length");
            }
            len = 0;
            for (int i = 0; i < n; i++) {
                len = (len << 8) | (d[off++] & 0xff);
            }
        }
        if (off + len > d.length) {
            throw new GeneralSecurityException("truncated DER");
        }
        return new int[] {off, len};
    }

    private static byte[] der(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else if (n < 0x100) {
            out.write(0x81);
            out.write(n);
        } else if (n < 0x10000) {
            out.write(0x82);
            out.write(n >> 8);
            out.write(n);
        } else {
            out.write(0x83);
            out.write(n >> 16);
            out.write(n >> 8);
            out.write(n);
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] hex(String s) {
        byte[] b = new byte[s.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
