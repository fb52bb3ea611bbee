package org.virtd.conf.domain;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A domain's {@code <metadata>}: applications' own elements, at most one per namespace URI
 * (virDomainGetMetadata/SetMetadata with type ELEMENT). Elements without a namespace, text and
 * comments directly under {@code <metadata>} are dropped when read, as libvirt does. Immutable.
 */
public record DomainMetadata(List<MetadataNode.Element> elements) {

    public static final DomainMetadata EMPTY = new DomainMetadata(List.of());

    public DomainMetadata {
        elements = List.copyOf(elements);
    }

    /** The {@code <metadata>} of a domain XML document, or null when it has none. */
    static DomainMetadata read(String domainXml) throws VirtException {
        List<MetadataNode> children = MetadataReader.domainMetadata(domainXml);
        if (children == null) {
            return null;
        }
        List<MetadataNode.Element> kept = new ArrayList<>();
        Set<String> uris = new HashSet<>();
        for (MetadataNode n : children) {
            if (n instanceof MetadataNode.Element e && e.uri() != null && uris.add(e.uri())) {
                kept.add(e);
            }
        }
        return new DomainMetadata(kept);
    }

    /** The element in namespace {@code uri}, or null. */
    public MetadataNode.Element find(String uri) {
        for (MetadataNode.Element e : elements) {
            if (uri.equals(e.uri())) {
                return e;
            }
        }
        return null;
    }

    /** Without the element of namespace {@code uri}. */
    public DomainMetadata without(String uri) {
        List<MetadataNode.Element> kept = new ArrayList<>(elements);
        kept.removeIf(e -> uri.equals(e.uri()));
        return new DomainMetadata(kept);
    }

    /** With {@code element} last, replacing the one of its namespace. */
    public DomainMetadata with(MetadataNode.Element element) {
        List<MetadataNode.Element> kept = new ArrayList<>(without(element.uri()).elements);
        kept.add(element);
        return new DomainMetadata(kept);
    }

    /** What virDomainGetMetadata answers for {@code uri}: the element with that namespace taken off, or null. */
    public String extract(String uri) {
        MetadataNode.Element e = find(uri);
        return e == null ? null : MetadataWriter.standalone(unqualify(e, uri));
    }

    /**
     * Parses a setMetadata fragment and puts it in namespace {@code uri} written as {@code key}:
     * the root gets the declaration, and every element in no namespace takes it.
     */
    public static MetadataNode.Element adopt(String xml, String key, String uri) throws VirtException {
        SecureXml.parse(xml, "(metadata_xml)");
        if (!isNcName(key)) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.XML,
                    "failed to validate prefix for a new XML namespace");
        }
        MetadataNode.Element root = MetadataReader.fragment(xml);
        List<MetadataNode.Ns> ns = new ArrayList<>(root.namespaces());
        ns.add(new MetadataNode.Ns(key, uri));
        MetadataNode.Element qualified = qualify(root, key, uri);
        return new MetadataNode.Element(qualified.prefix(), qualified.localName(), qualified.uri(), ns,
                qualified.attributes(), qualified.children());
    }

    /** The {@code <metadata>} element as dumpxml prints it at nesting {@code level}, without a newline. */
    public String format(int level) {
        return MetadataWriter.metadataElement(elements, level);
    }

    private static MetadataNode.Element qualify(MetadataNode.Element e, String key, String uri) {
        List<MetadataNode> children = new ArrayList<>();
        for (MetadataNode c : e.children()) {
            children.add(c instanceof MetadataNode.Element ce ? qualify(ce, key, uri) : c);
        }
        boolean none = e.uri() == null;
        return new MetadataNode.Element(none ? key : e.prefix(), e.localName(), none ? uri : e.uri(),
                e.namespaces(), e.attributes(), children);
    }

    private static MetadataNode.Element unqualify(MetadataNode.Element e, String uri) {
        List<MetadataNode> children = new ArrayList<>();
        for (MetadataNode c : e.children()) {
            children.add(c instanceof MetadataNode.Element ce ? unqualify(ce, uri) : c);
        }
        List<MetadataNode.Ns> ns = new ArrayList<>(e.namespaces());
        ns.removeIf(n -> uri.equals(n.uri()));
        boolean mine = uri.equals(e.uri());
        return new MetadataNode.Element(mine ? null : e.prefix(), e.localName(), mine ? null : e.uri(), ns,
                e.attributes(), children);
    }

    /** XML's NCName: a name without a colon. */
    static boolean isNcName(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        int first = s.codePointAt(0);
        if (!(Character.isLetter(first) || first == '_')) {
            return false;
        }
        return s.codePoints().skip(1).allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '-'
                || c == '_' || Character.getType(c) == Character.NON_SPACING_MARK
                || Character.getType(c) == Character.COMBINING_SPACING_MARK);
    }

    /** A metadata type other than description, title and element. */
    public static VirtException unknownType(int type) {
        return new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN, "unknown metadata type '" + type + "'");
    }
}
