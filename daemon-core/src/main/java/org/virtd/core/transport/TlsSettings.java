package org.virtd.core.transport;

import java.nio.file.Path;
import java.util.List;

/**
 * What a TLS listener needs, as plain values resolved by the daemon from its config and default
 * paths (libvirt's virNetTLSContextNewServer arguments).
 *
 * @param caFile       CA certificate(s) that client certificates must chain to
 * @param crlFile      revocation list, or null
 * @param crlOptional  true for the built-in CRL path, which is skipped when absent
 * @param certFile     the server's certificate (chain)
 * @param keyFile      the server's private key
 * @param allowedDns   {@code tls_allowed_dn_list}, or null when not set
 * @param priority     {@code tls_priority}, or null for the default
 * @param sanityCheck  check the server's own certificates at start ({@code !tls_no_sanity_certificate})
 * @param verifyPeer   refuse clients whose certificate fails the checks ({@code !tls_no_verify_certificate})
 */
public record TlsSettings(Path caFile, Path crlFile, boolean crlOptional, Path certFile, Path keyFile,
                          List<String> allowedDns, String priority, boolean sanityCheck, boolean verifyPeer) {
}
