package org.virtd.conf.domain;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;

/** Small read-only accessors over DOM elements, the way libvirt's XPath lookups behave. */
final class Dom {

    private Dom() {
    }

    /** The first child element called {@code name}, or null. */
    static Element child(Element parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    /** All child elements called {@code name} in document order. */
    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
                out.add(e);
            }
        }
        return out;
    }

    /** An attribute's value, or null when absent. */
    static String attr(Element e, String name) {
        return e != null && e.hasAttribute(name) ? e.getAttribute(name) : null;
    }

    /** The text content of the first child called {@code name}, or null when absent. */
    static String text(Element parent, String name) {
        Element c = child(parent, name);
        return c == null ? null : c.getTextContent();
    }

    /** Attribute {@code attr} of the first child called {@code name}, or null. */
    static String childAttr(Element parent, String name, String attr) {
        return attr(child(parent, name), attr);
    }
}
