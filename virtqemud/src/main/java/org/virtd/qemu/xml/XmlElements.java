package org.virtd.qemu.xml;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * The small documents clients send beside domain XML (checkpoint, backup): parsed without
 * DTDs or external entities, an empty or malformed one refused as libvirt's parser error
 * ({@code (DOCNAME):1: ...}), and the element lookups their readers share; and the blocks cut
 * back out of the metadata documents we format (snapshots, checkpoints).
 */
public final class XmlElements {
    private XmlElements() {
    }

    /** The root element of {@code xml}; {@code docName} is what errors call it, e.g. domain_backup. */
    public static Element root(String xml, String docName, ErrorDomain domain) throws VirtException {
        if (xml == null || xml.isBlank()) {
            throw new VirtException(ErrorCode.XML_DETAIL, domain, "(" + docName + "):1: Document is empty\n(null)\n^");
        }
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml))).getDocumentElement();
        } catch (Exception e) {
            throw new VirtException(ErrorCode.XML_DETAIL, domain, "(" + docName + "):1: " + e.getMessage());
        }
    }

    /** The first child element named {@code tag}, or null. */
    public static Element child(Element parent, String tag) {
        List<Element> all = children(parent, tag);
        return all.isEmpty() ? null : all.get(0);
    }

    /** The child elements named {@code tag} (every child element when null). */
    public static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && (tag == null || tag.equals(n.getNodeName()))) {
                out.add((Element) n);
            }
        }
        return out;
    }

    /** An attribute's value, null when absent or empty. */
    public static String attribute(Element e, String name) {
        return e == null || e.getAttribute(name).isEmpty() ? null : e.getAttribute(name);
    }

    /** The element {@code <tag ...>...</tag>} of a document we formatted, moved back to column zero. */
    public static String block(String doc, String tag) {
        int start = doc.indexOf("\n  <" + tag);
        while (start >= 0) {
            char next = doc.charAt(start + 4 + tag.length());
            if (next == ' ' || next == '>' || next == '/') {
                break;
            }
            start = doc.indexOf("\n  <" + tag, start + 1);
        }
        if (start < 0) {
            return null;
        }
        String close = "\n  </" + tag + ">";
        int end = doc.indexOf(close, start);
        String body = end < 0 ? doc.substring(start + 1, doc.indexOf('\n', start + 1))
                : doc.substring(start + 1, end + close.length());
        StringBuilder out = new StringBuilder();
        for (String line : body.split("\n")) {
            out.append(line.startsWith("  ") ? line.substring(2) : line).append('\n');
        }
        return out.toString();
    }
}
