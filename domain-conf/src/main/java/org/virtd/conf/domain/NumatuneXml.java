package org.virtd.conf.domain;

import org.virtd.conf.domain.Numatune.MemNode;
import org.virtd.conf.domain.Numatune.Mode;
import org.virtd.rpc.error.VirtException;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * Reads and prints {@code <numatune>} with libvirt 9.0's defaults (mode strict; placement from
 * the nodeset or the vCPU placement) and its errors, in the order libvirt checks.
 */
final class NumatuneXml {
    private static final Set<String> PLACEMENTS = Set.of("default", "static", "auto");

    private NumatuneXml() {
    }

    /**
     * @param placementStatic whether {@code <vcpu placement>} is static
     * @param cells           the number of guest NUMA cells ({@code <cpu><numa><cell>})
     */
    static Numatune parse(Element root, boolean placementStatic, int cells) throws VirtException {
        List<Element> all = Dom.children(root, "numatune");
        if (all.size() > 1) {
            throw DefErrors.xml("only one numatune is supported");
        }
        Element numatune = all.isEmpty() ? null : all.get(0);
        Element memory = Dom.child(numatune, "memory");
        Mode mode = null;
        String placement = !placementStatic && memory == null ? "auto" : null;
        BitSet nodeset = null;
        if (memory != null) {
            String m = Dom.attr(memory, "mode");
            if (m != null && (mode = Mode.of(m)) == null) {
                throw DefErrors.unsupported("Unsupported NUMA memory tuning mode '" + m + "'");
            }
            placement = Dom.attr(memory, "placement");
            if (placement != null && !PLACEMENTS.contains(placement)) {
                throw DefErrors.unsupported("Unsupported NUMA memory placement mode '" + placement + "'");
            }
            String text = Dom.attr(memory, "nodeset");
            if (text != null) {
                nodeset = nodeset(text);
            }
        }
        Numatune n = Numatune.NONE.with(placementStatic, mode, placement, nodeset);
        return n.withMemnodes(memnodes(numatune, n, cells));
    }

    /** A nodeset attribute: a bitmap that names at least one node. */
    static BitSet nodeset(String text) throws VirtException {
        BitSet set = CpuSet.bitmap(text);
        if (set.isEmpty()) {
            throw DefErrors.unsupported("Invalid value of 'nodeset': " + text);
        }
        return set;
    }

    private static List<MemNode> memnodes(Element numatune, Numatune n, int cells) throws VirtException {
        List<Element> elements = Dom.children(numatune, "memnode");
        if (elements.isEmpty()) {
            return List.of();
        }
        if (n.autoPlacement()) {
            throw DefErrors.unsupported("Per-node binding is not compatible with automatic NUMA placement.");
        }
        if (cells == 0) {
            throw DefErrors.xml("Element 'memnode' is invalid without any guest NUMA cells");
        }
        MemNode[] byCell = new MemNode[cells];
        for (Element e : elements) {
            int cellid = cellid(e);
            if (cellid >= cells) {
                throw DefErrors.xml("Argument 'cellid' in memnode element must correspond to existing guest's NUMA cell");
            }
            if (byCell[cellid] != null) {
                throw DefErrors.xml("Multiple memnode elements with cellid " + cellid);
            }
            String m = Dom.attr(e, "mode");
            Mode mode = m == null ? Mode.STRICT : Mode.of(m);
            if (mode == null) {
                throw DefErrors.invalidAttribute("mode", "memnode", m);
            }
            if (n.memory() != null && n.mode() == Mode.RESTRICTIVE && mode != Mode.RESTRICTIVE) {
                throw DefErrors.xml("'restrictive' mode is required in memnode element when mode is 'restrictive' "
                        + "in memory element");
            }
            String text = Dom.attr(e, "nodeset");
            if (text == null) {
                throw DefErrors.xml("Missing required nodeset attribute in memnode element");
            }
            byCell[cellid] = new MemNode(cellid, mode, nodeset(text));
        }
        List<MemNode> out = new ArrayList<>();
        for (MemNode m : byCell) {
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }

    private static int cellid(Element e) throws VirtException {
        return DefErrors.nonNegativeAttribute(Dom.attr(e, "cellid"), "cellid", "memnode");
    }

    static void format(XmlWriter w, Numatune n) {
        if (n.isEmpty()) {
            return;
        }
        w.open("numatune");
        if (n.memory() != null) {
            w.open("memory").attr("mode", n.mode().xml());
            if (n.autoPlacement()) {
                w.attr("placement", "auto");
            } else {
                w.attr("nodeset", n.nodesetText());
            }
            w.end("memory");
        }
        for (MemNode m : n.memnodes()) {
            w.open("memnode").attr("cellid", m.cellid()).attr("mode", m.mode().xml())
                    .attr("nodeset", CpuSet.format(m.nodeset())).end("memnode");
        }
        w.end("numatune");
    }
}
