package org.virtd.conf.domain;

/**
 * Writes XML the way libvirt's virBuffer formatting does: two-space indentation, single-quoted
 * attributes, {@code <x/>} for empty elements, {@code &lt; &gt; &amp; &apos; &quot;} escaped.
 */
final class XmlWriter {

    private final StringBuilder out = new StringBuilder(2048);
    private int depth;
    private boolean tagOpen;

    /** Starts {@code <name}; follow with {@link #attr} calls, then children or {@link #end}. */
    XmlWriter open(String name) {
        closeStartTag(true);
        out.append("  ".repeat(depth)).append('<').append(name);
        tagOpen = true;
        depth++;
        return this;
    }

    /** Adds an attribute to the element just opened; null values are skipped. */
    XmlWriter attr(String name, Object value) {
        if (value != null) {
            out.append(' ').append(name).append("='").append(escape(value.toString())).append('\'');
        }
        return this;
    }

    /** Ends the innermost element: {@code />} when it had no children. */
    XmlWriter end(String name) {
        depth--;
        if (tagOpen) {
            out.append("/>\n");
            tagOpen = false;
        } else {
            out.append("  ".repeat(depth)).append("</").append(name).append(">\n");
        }
        return this;
    }

    /** {@code <name>text</name>} on one line; nothing when text is null. */
    XmlWriter textElement(String name, Object text) {
        if (text != null) {
            closeStartTag(true);
            out.append("  ".repeat(depth)).append('<').append(name).append('>')
                    .append(escape(text.toString())).append("</").append(name).append(">\n");
        }
        return this;
    }

    /** Writes already formatted XML on its own indented line (text from another serialiser). */
    XmlWriter rawLine(String xml) {
        closeStartTag(true);
        out.append("  ".repeat(depth)).append(xml).append('\n');
        return this;
    }

    /** The current nesting level, in steps of two spaces. */
    int depth() {
        return depth;
    }

    /** Closes the current start tag and writes {@code text</name>} on the same line. */
    XmlWriter textAndEnd(String name, Object text) {
        out.append('>').append(escape(text.toString())).append("</").append(name).append(">\n");
        tagOpen = false;
        depth--;
        return this;
    }

    private void closeStartTag(boolean newline) {
        if (tagOpen) {
            out.append(newline ? ">\n" : ">");
            tagOpen = false;
        }
    }

    static String escape(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '\'' -> "&apos;";
                case '"' -> "&quot;";
                default -> null;
            };
            if (rep != null && sb == null) {
                sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            }
            if (sb != null) {
                if (rep != null) {
                    sb.append(rep);
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? s : sb.toString();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
