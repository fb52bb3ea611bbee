package org.virtd.conf.domain;

import org.virtd.rpc.error.VirtException;
import org.w3c.dom.Element;

import java.util.Set;

/** Reads and prints the domain-level {@code <seclabel>} with libvirt's defaults and refusals. */
final class SecLabelXml {
    private static final Set<String> TYPES = Set.of(SecLabel.STATIC, SecLabel.DYNAMIC, SecLabel.NONE);

    private SecLabelXml() {
    }

    static SecLabel parse(Element root) throws VirtException {
        Element e = Dom.child(root, "seclabel");
        if (e == null) {
            return null;
        }
        String type = Dom.attr(e, "type");
        type = type == null ? SecLabel.DYNAMIC : type;
        if (!TYPES.contains(type)) {
            throw DefErrors.xml("invalid security type '" + type + "'");
        }
        String relabelAttr = Dom.attr(e, "relabel");
        boolean relabel;
        if (relabelAttr == null) {
            relabel = SecLabel.DYNAMIC.equals(type);
        } else if (relabelAttr.equals("yes") || relabelAttr.equals("no")) {
            relabel = relabelAttr.equals("yes");
            if (SecLabel.DYNAMIC.equals(type) && !relabel) {
                throw DefErrors.unsupported("dynamic label type must use resource relabeling");
            }
            if (SecLabel.NONE.equals(type) && relabel) {
                throw DefErrors.unsupported("resource relabeling is not compatible with 'none' label type");
            }
        } else {
            throw DefErrors.xml("invalid security relabel value '" + relabelAttr + "'");
        }
        String label = null;
        if (SecLabel.STATIC.equals(type)) {
            label = Dom.text(e, "label");
            if (label == null || label.isBlank()) {
                throw DefErrors.xml("security label is missing");
            }
            label = label.strip();
        }
        return new SecLabel(type, Dom.attr(e, "model"), relabel, label);
    }

    /**
     * The element as libvirt prints it: a dynamic label only while running (with the label the run
     * got, {@code runtimeLabel}), a static one always, {@code none} as an empty element.
     */
    static void format(XmlWriter w, SecLabel s, String runtimeLabel) {
        if (s == null || (!s.isStatic() && !s.isNone() && runtimeLabel == null)) {
            return;
        }
        w.open("seclabel").attr("type", s.type()).attr("model", s.model());
        if (s.isNone()) {
            w.end("seclabel");
            return;
        }
        w.attr("relabel", s.relabel() ? "yes" : "no");
        if (s.isStatic()) {
            w.textElement("label", s.label());
            if (runtimeLabel != null && s.relabel()) {
                w.textElement("imagelabel", s.label());
            }
        } else {
            w.textElement("label", runtimeLabel).textElement("imagelabel", runtimeLabel);
        }
        w.end("seclabel");
    }
}
