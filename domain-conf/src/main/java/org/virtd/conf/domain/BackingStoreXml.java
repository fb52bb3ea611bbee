package org.virtd.conf.domain;

import org.virtd.rpc.error.VirtException;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A disk's {@code <backingStore>} elements: read from a definition or a status file, and
 * written nested, each layer before the next, an empty {@code <backingStore/>} closing a chain
 * known to end. Layer numbers ({@code index=}) are only read from status files: a definition
 * never carries them.
 */
final class BackingStoreXml {
    private static final Set<String> TYPES = Set.of("file", "block", "dir", "network", "volume", "nvme",
            "vhostuser");
    private static final Set<String> FORMATS = Set.of("none", "raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc",
            "vdi", "fat", "vhd", "ploop", "cow", "qcow", "qcow2", "qed", "vmdk", "luks", "vhdx");

    private BackingStoreXml() {
    }

    /** The chain below {@code disk}'s source; {@code status}: numbers are kept. */
    static BackingChain parse(Element disk, boolean status) throws VirtException {
        List<BackingChain.Layer> layers = new ArrayList<>();
        Element e = Dom.child(disk, "backingStore");
        if (e == null) {
            return BackingChain.UNKNOWN;
        }
        while (e != null) {
            String type = Dom.attr(e, "type");
            if (type == null) {
                // an element without a type says the chain ends here, whatever else it holds
                return new BackingChain(layers, true);
            }
            if (!TYPES.contains(type)) {
                throw DefErrors.xml("unknown storage source type '" + type + "'");
            }
            String format = Dom.childAttr(e, "format", "type");
            if (format == null) {
                throw DefErrors.xml("missing disk backing store format");
            }
            if (!FORMATS.contains(format)) {
                throw DefErrors.xml("unknown storage source format '" + format + "'");
            }
            Element source = Dom.child(e, "source");
            if (source == null) {
                throw DefErrors.xml("missing disk backing store source");
            }
            int index = status ? Math.max(DefErrors.uint(Dom.attr(e, "index"), "backingStore index"), 0) : 0;
            layers.add(new BackingChain.Layer(type, format, Dom.attr(source, sourceAttr(type)), index));
            e = Dom.child(e, "backingStore");
        }
        return new BackingChain(layers, false);
    }

    /** The attribute of {@code <source>} naming the image of a source of {@code type}. */
    static String sourceAttr(String type) {
        return switch (type) {
            case "block" -> "dev";
            case "dir" -> "dir";
            default -> "file";
        };
    }

    /**
     * Writes {@code chain}; {@code numbered}: the source above has a number, so the chain was
     * detected and ends even where nothing says so.
     */
    static void format(XmlWriter w, BackingChain chain, boolean numbered) {
        for (BackingChain.Layer l : chain.layers()) {
            w.open("backingStore").attr("type", l.type()).attr("index", l.index() > 0 ? l.index() : null);
            w.open("format").attr("type", l.format()).end("format");
            w.open("source").attr(sourceAttr(l.type()), l.source()).end("source");
        }
        if (chain.ends() || numbered) {
            w.open("backingStore").end("backingStore");
        }
        for (int i = chain.layers().size() - 1; i >= 0; i--) {
            w.end("backingStore");
        }
    }

    /** A running disk's {@code <mirror>}, read from a status file; null when there is none. */
    static DiskMirror parseMirror(Element disk) {
        Element m = Dom.child(disk, "mirror");
        if (m == null) {
            return null;
        }
        String type = Dom.attr(m, "type") == null ? "file" : Dom.attr(m, "type");
        Element source = Dom.child(m, "source");
        String index = Dom.attr(source, "index");
        return new DiskMirror(Dom.attr(m, "job"), type, Dom.childAttr(m, "format", "type"),
                Dom.attr(source, sourceAttr(type)), index == null ? 0 : Integer.parseInt(index),
                "yes".equals(Dom.attr(m, "ready")), Dom.child(m, "backingStore") != null);
    }

    static void formatMirror(XmlWriter w, DiskMirror m) {
        w.open("mirror").attr("type", m.type());
        if (m.isCopy()) {
            w.attr(sourceAttr(m.type()), m.source()).attr("format", m.format());
        }
        w.attr("job", m.job()).attr("ready", m.ready() ? "yes" : null);
        w.open("format").attr("type", m.format()).end("format");
        w.open("source").attr(sourceAttr(m.type()), m.source()).attr("index", m.index() > 0 ? m.index() : null)
                .end("source");
        if (m.ends()) {
            w.open("backingStore").end("backingStore");
        }
        w.end("mirror");
    }
}
