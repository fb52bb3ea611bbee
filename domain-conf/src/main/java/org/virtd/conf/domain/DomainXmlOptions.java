package org.virtd.conf.domain;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * What a hypervisor driver tells the neutral domain XML code about itself (libvirt's
 * virDomainXMLOption): the prefix of the MAC addresses it generates, the parser defaults that
 * differ between drivers and the XML namespaces it accepts under {@code <domain>}. Each driver
 * builds one instance at start-up (qemu-driver.md §2, vbox-driver.md §2 "parser defaults").
 *
 * @param macPrefix         the first three bytes of generated MACs, e.g. {@code 52:54:00} (QEMU)
 *                          or {@code 08:00:27} (VirtualBox); stored in canonical form
 * @param nameSlashAllowed  whether {@code <name>} may contain '/' (VIR_DOMAIN_DEF_FEATURE_NAME_SLASH)
 * @param defaultVideoModel the model of a {@code <video>} without one, or null to leave that to
 *                          the driver's post-parse step
 * @param namespaces        the driver's own namespaces, possibly none
 */
public record DomainXmlOptions(String macPrefix, boolean nameSlashAllowed, String defaultVideoModel,
                               List<XmlNamespace> namespaces) {

    public DomainXmlOptions {
        macPrefix = requirePrefix(macPrefix);
        namespaces = List.copyOf(namespaces);
    }

    /** A random MAC address in this driver's range (virDomainNetGenerateMAC). */
    public String generateMac(RandomGenerator random) {
        return MacAddresses.generate(macPrefix, random);
    }

    /** The namespace that owns a top-level element written as {@code prefix:name}, or null. */
    XmlNamespace namespaceOf(String tagName) {
        for (XmlNamespace ns : namespaces) {
            if (ns.owns(tagName)) {
                return ns;
            }
        }
        return null;
    }

    private static String requirePrefix(String prefix) {
        if (prefix == null || !prefix.matches("\\p{XDigit}{1,2}(:\\p{XDigit}{1,2}){2}")) {
            throw new IllegalArgumentException("a MAC prefix is three bytes like 52:54:00, not '" + prefix + "'");
        }
        return MacAddresses.canonical(prefix);
    }
}
