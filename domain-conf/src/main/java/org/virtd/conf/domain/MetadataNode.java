package org.virtd.conf.domain;

import java.util.List;

/**
 * One node of a domain's {@code <metadata>} content, kept as written (libvirt keeps the libxml2
 * subtree): elements with their namespace declarations and attributes in document order, text,
 * comments, CDATA sections and processing instructions. Immutable.
 */
public sealed interface MetadataNode {

    /** {@code xmlns:prefix='uri'}; prefix null for a default namespace declaration. */
    record Ns(String prefix, String uri) {
    }

    /** An attribute as written ({@code name} may carry a prefix). */
    record Attr(String name, String value) {
    }

    /**
     * An element; {@code uri} is the namespace it is in (null for none), {@code prefix} how it is
     * written (null for none or the default namespace).
     */
    record Element(String prefix, String localName, String uri, List<Ns> namespaces, List<Attr> attributes,
                   List<MetadataNode> children) implements MetadataNode {
        public Element {
            namespaces = List.copyOf(namespaces);
            attributes = List.copyOf(attributes);
            children = List.copyOf(children);
        }

        public String qualifiedName() {
            return prefix == null ? localName : prefix + ":" + localName;
        }
    }

    record Text(String text) implements MetadataNode {
    }

    record Comment(String text) implements MetadataNode {
    }

    record CData(String text) implements MetadataNode {
    }

    record ProcessingInstruction(String target, String data) implements MetadataNode {
    }
}
