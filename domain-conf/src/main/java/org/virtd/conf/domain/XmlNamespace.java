package org.virtd.conf.domain;

import java.util.Set;

/**
 * A driver's own XML namespace under {@code <domain>} (libvirt's virXMLNamespace), such as
 * QEMU's {@code xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'} with its
 * {@code <qemu:commandline>}. The schema check accepts the listed top-level elements, written
 * with {@code prefix}, and leaves their content to the driver; the neutral model keeps none of it.
 */
public record XmlNamespace(String prefix, String uri, Set<String> elements) {

    public XmlNamespace {
        if (prefix == null || prefix.isEmpty() || prefix.contains(":")) {
            throw new IllegalArgumentException("bad namespace prefix '" + prefix + "'");
        }
        elements = Set.copyOf(elements);
    }

    /** Whether {@code tagName} (as written, {@code prefix:name}) is one of this namespace's elements. */
    public boolean owns(String tagName) {
        return tagName.startsWith(prefix + ":") && elements.contains(tagName.substring(prefix.length() + 1));
    }
}
