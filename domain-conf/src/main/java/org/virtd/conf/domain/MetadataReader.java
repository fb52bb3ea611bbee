package org.virtd.conf.domain;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads {@link MetadataNode} trees with a streaming parser, which keeps what the DOM parser of
 * {@link SecureXml} loses: attribute order, namespaces and CDATA sections. A domain's
 * {@code <metadata>} is read the way libvirt's parser (libxml2 without blank nodes) sees it:
 * whitespace-only text is dropped between elements until an element has real text. A
 * setMetadata fragment keeps every character.
 */
final class MetadataReader {

    private static final XMLInputFactory FACTORY = newFactory();

    private final XMLStreamReader r;
    private final boolean dropBlanks;

    private MetadataReader(XMLStreamReader r, boolean dropBlanks) {
        this.r = r;
        this.dropBlanks = dropBlanks;
    }

    /** The children of {@code <domain><metadata>} in {@code domainXml}, or null without that element. */
    static List<MetadataNode> domainMetadata(String domainXml) throws VirtException {
        try {
            XMLStreamReader r = open(domainXml);
            int depth = 0;
            while (r.hasNext()) {
                int ev = r.next();
                if (ev == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (depth == 2 && "metadata".equals(r.getLocalName()) && empty(r.getPrefix())) {
                        return new MetadataReader(r, true).element(Set.of()).children();
                    }
                } else if (ev == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw unreadable(e);
        }
    }

    /** The root element of a well-formed fragment, every character kept. */
    static MetadataNode.Element fragment(String xml) throws VirtException {
        try {
            XMLStreamReader r = open(xml);
            r.nextTag();
            return new MetadataReader(r, false).element(Set.of());
        } catch (XMLStreamException e) {
            throw unreadable(e);
        }
    }

    /** The element the reader stands on (START_ELEMENT) to its end; {@code scope}: prefixes declared above it in the copy. */
    private MetadataNode.Element element(Set<String> scope) throws XMLStreamException {
        String prefix = nullIfEmpty(r.getPrefix());
        String uri = nullIfEmpty(r.getNamespaceURI());
        Set<String> inScope = new HashSet<>(scope);
        List<MetadataNode.Ns> namespaces = new ArrayList<>();
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            String p = nullIfEmpty(r.getNamespacePrefix(i));
            namespaces.add(new MetadataNode.Ns(p, r.getNamespaceURI(i)));
            inScope.add(p == null ? "" : p);
        }
        // a namespace declared above the copied subtree travels with it, as libxml2's copy does
        Set<MetadataNode.Ns> missing = new LinkedHashSet<>();
        if (uri != null && !inScope.contains(prefix == null ? "" : prefix)) {
            missing.add(new MetadataNode.Ns(prefix, uri));
        }
        List<MetadataNode.Attr> attributes = new ArrayList<>();
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String p = nullIfEmpty(r.getAttributePrefix(i));
            String local = r.getAttributeLocalName(i);
            if (p != null && !inScope.contains(p) && !"xml".equals(p)) {
                missing.add(new MetadataNode.Ns(p, r.getAttributeNamespace(i)));
            }
            attributes.add(new MetadataNode.Attr(p == null ? local : p + ":" + local, r.getAttributeValue(i)));
        }
        for (MetadataNode.Ns ns : missing) {
            namespaces.add(ns);
            inScope.add(ns.prefix() == null ? "" : ns.prefix());
        }
        String localName = r.getLocalName();
        List<MetadataNode> children = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        boolean textSeen = false;
        while (true) {
            int ev = r.next();
            if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.SPACE
                    || ev == XMLStreamConstants.ENTITY_REFERENCE) {
                pending.append(r.getText());
                continue;
            }
            if (pending.length() > 0) {
                if (keepText(pending, children, textSeen, ev == XMLStreamConstants.END_ELEMENT)) {
                    addText(children, pending.toString());
                    textSeen = true;
                }
                pending.setLength(0);
            }
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> children.add(element(inScope));
                case XMLStreamConstants.CDATA -> children.add(new MetadataNode.CData(r.getText()));
                case XMLStreamConstants.COMMENT -> children.add(new MetadataNode.Comment(r.getText()));
                case XMLStreamConstants.PROCESSING_INSTRUCTION -> children.add(
                        new MetadataNode.ProcessingInstruction(r.getPITarget(), r.getPIData()));
                case XMLStreamConstants.END_ELEMENT -> {
                    return new MetadataNode.Element(prefix, localName, uri, namespaces, attributes, children);
                }
                default -> {
                    // DTD-less fragments have nothing else inside an element
                }
            }
        }
    }

    /** libxml2's blank-node heuristic: whitespace between elements goes until the element has text. */
    private boolean keepText(CharSequence text, List<MetadataNode> children, boolean textSeen, boolean beforeEnd) {
        if (!dropBlanks || textSeen || !isBlank(text)) {
            return true;
        }
        if (children.isEmpty()) {
            return beforeEnd;
        }
        return children.get(children.size() - 1) instanceof MetadataNode.Text
                || children.get(0) instanceof MetadataNode.Text;
    }

    private static void addText(List<MetadataNode> children, String text) {
        int last = children.size() - 1;
        if (last >= 0 && children.get(last) instanceof MetadataNode.Text t) {
            children.set(last, new MetadataNode.Text(t.text() + text));
        } else {
            children.add(new MetadataNode.Text(text));
        }
    }

    private static boolean isBlank(CharSequence s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return false;
            }
        }
        return true;
    }

    private static boolean empty(String s) {
        return s == null || s.isEmpty();
    }

    private static String nullIfEmpty(String s) {
        return empty(s) ? null : s;
    }

    private static VirtException unreadable(XMLStreamException e) {
        return new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.DOMAIN, "cannot read metadata: " + e.getMessage(), e);
    }

    /** The JDK does not promise a thread-safe factory. */
    private static XMLStreamReader open(String xml) throws XMLStreamException {
        synchronized (FACTORY) {
            return FACTORY.createXMLStreamReader(new StringReader(xml));
        }
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        try {
            // the JDK's reader otherwise hands CDATA sections over as plain characters
            f.setProperty("http://java.sun.com/xml/stream/properties/report-cdata-event", true);
        } catch (IllegalArgumentException notThisImplementation) {
            // CDATA then reads as text
        }
        return f;
    }
}
