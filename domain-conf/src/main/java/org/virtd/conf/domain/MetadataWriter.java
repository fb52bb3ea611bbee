package org.virtd.conf.domain;

/**
 * Serialises {@link MetadataNode}s as libxml2's node dump does, which is what libvirt prints for
 * {@code <metadata>}: double-quoted attributes, namespace declarations before attributes, and
 * in formatted mode one child per line indented two spaces a level, except inside an element
 * with text or CDATA children, which is written exactly as it is.
 */
final class MetadataWriter {

    private final StringBuilder out = new StringBuilder();

    private MetadataWriter() {
    }

    /** {@code node} formatted from level 0 (virDomainGetMetadata's answer). */
    static String standalone(MetadataNode node) {
        MetadataWriter w = new MetadataWriter();
        w.node(node, 0, true);
        return w.out.toString();
    }

    /** {@code <metadata>} with {@code children}, formatted at nesting {@code level}, no trailing newline. */
    static String metadataElement(java.util.List<MetadataNode.Element> children, int level) {
        MetadataWriter w = new MetadataWriter();
        w.node(new MetadataNode.Element(null, "metadata", null, java.util.List.of(), java.util.List.of(),
                java.util.List.copyOf(children)), level, true);
        return w.out.toString();
    }

    private void node(MetadataNode node, int level, boolean format) {
        if (node instanceof MetadataNode.Element e) {
            element(e, level, format);
        } else if (node instanceof MetadataNode.Text t) {
            escapeText(t.text());
        } else if (node instanceof MetadataNode.Comment c) {
            out.append("<!--").append(c.text()).append("-->");
        } else if (node instanceof MetadataNode.CData c) {
            out.append("<![CDATA[").append(c.text()).append("]]>");
        } else if (node instanceof MetadataNode.ProcessingInstruction p) {
            out.append("<?").append(p.target()).append(p.data() == null || p.data().isEmpty() ? "" : " " + p.data())
                    .append("?>");
        }
    }

    private void element(MetadataNode.Element e, int level, boolean format) {
        out.append('<').append(e.qualifiedName());
        for (MetadataNode.Ns ns : e.namespaces()) {
            out.append(ns.prefix() == null ? " xmlns" : " xmlns:" + ns.prefix()).append("=\"");
            escapeAttr(ns.uri());
            out.append('"');
        }
        for (MetadataNode.Attr a : e.attributes()) {
            out.append(' ').append(a.name()).append("=\"");
            escapeAttr(a.value());
            out.append('"');
        }
        if (e.children().isEmpty()) {
            out.append("/>");
            return;
        }
        boolean fmt = format && e.children().stream()
                .noneMatch(c -> c instanceof MetadataNode.Text || c instanceof MetadataNode.CData);
        out.append('>');
        if (fmt) {
            out.append('\n');
        }
        for (MetadataNode c : e.children()) {
            if (fmt && !(c instanceof MetadataNode.Text)) {
                out.append("  ".repeat(level + 1));
            }
            node(c, level + 1, fmt);
            if (fmt) {
                out.append('\n');
            }
        }
        if (fmt) {
            out.append("  ".repeat(level));
        }
        out.append("</").append(e.qualifiedName()).append('>');
    }

    private void escapeText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
    }

    /** Attribute values: markup, quotes and whitespace controls escaped; non-ASCII as hex references. */
    private void escapeAttr(String s) {
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\n' -> out.append("&#10;");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append("&#9;");
                default -> {
                    if (cp < 0x80) {
                        out.append((char) cp);
                    } else {
                        out.append("&#x").append(Integer.toHexString(cp).toUpperCase(java.util.Locale.ROOT)).append(';');
                    }
                }
            }
        });
    }
}
