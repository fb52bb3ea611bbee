package org.virtd.qemu.snapshot;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <domainsnapshot>} document (libvirt's snapshot_conf.c format): what a client
 * asks for in a create, the full form a client reads back, and the metadata file form, which
 * adds {@code <active>} (1 for the current snapshot).
 */
public final class SnapshotXml {

    /** A parsed document; the domain parts are elements so a redefine can check and reformat them. */
    public record Parsed(String name, String description, String state, String parent, long creationTime,
                         String memory, String memoryFile, List<SnapshotDef.Disk> disks, Element domain,
                         Element inactiveDomain, Element cookie, boolean active) {
    }

    private SnapshotXml() {
    }

    public static Parsed parse(String xml) throws VirtException {
        Element root = document(xml).getDocumentElement();
        if (!"domainsnapshot".equals(root.getNodeName())) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML,
                    "expecting root element of 'domainsnapshot', not '" + root.getNodeName() + "'");
        }
        String name = text(child(root, "name"));
        String description = text(child(root, "description"));
        String state = text(child(root, "state"));
        Element parentEl = child(root, "parent");
        String parent = parentEl == null ? null : text(child(parentEl, "name"));
        String created = text(child(root, "creationTime"));
        long creationTime = 0;
        if (created != null) {
            try {
                creationTime = Long.parseLong(created.strip());
            } catch (NumberFormatException e) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN_SNAPSHOT,
                        "missing creationTime from existing snapshot");
            }
        }
        Element mem = child(root, "memory");
        String memory = mem == null || mem.getAttribute("snapshot").isEmpty() ? null : mem.getAttribute("snapshot");
        String memoryFile = mem == null || mem.getAttribute("file").isEmpty() ? null : mem.getAttribute("file");
        if (memoryFile != null && memory == null) {
            memory = SnapshotDef.EXTERNAL;
        }
        List<SnapshotDef.Disk> disks = new ArrayList<>();
        Element disksEl = child(root, "disks");
        if (disksEl != null) {
            for (Element d : children(disksEl, "disk")) {
                disks.add(disk(d));
            }
        }
        Element active = child(root, "active");
        return new Parsed(name == null ? null : name.strip(), description, state, parent, creationTime, memory,
                memoryFile, disks, child(root, "domain"), child(root, "inactiveDomain"), child(root, "cookie"),
                active != null && "1".equals(text(active).strip()));
    }

    private static SnapshotDef.Disk disk(Element d) throws VirtException {
        String name = d.getAttribute("name");
        if (name.isEmpty()) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN_SNAPSHOT,
                    "missing name from disk snapshot element");
        }
        Element source = child(d, "source");
        Element driver = child(d, "driver");
        String file = source == null || source.getAttribute("file").isEmpty() ? null : source.getAttribute("file");
        String snapshot = d.getAttribute("snapshot").isEmpty() ? null : d.getAttribute("snapshot");
        if (snapshot == null && file != null) {
            snapshot = SnapshotDef.EXTERNAL;
        }
        String type = d.getAttribute("type").isEmpty() ? null : d.getAttribute("type");
        return new SnapshotDef.Disk(name, snapshot, type,
                driver == null || driver.getAttribute("type").isEmpty() ? null : driver.getAttribute("type"), file);
    }

    /** What virDomainSnapshotGetXMLDesc returns. */
    public static String format(SnapshotDef s) {
        return format(s, null);
    }

    /** The metadata file body: the client form plus {@code <active>}. */
    public static String formatMetadata(SnapshotDef s, boolean current) {
        return format(s, current);
    }

    private static String format(SnapshotDef s, Boolean current) {
        StringBuilder sb = new StringBuilder("<domainsnapshot>\n");
        sb.append("  <name>").append(escape(s.name())).append("</name>\n");
        if (s.description() != null) {
            sb.append("  <description>").append(escape(s.description())).append("</description>\n");
        }
        sb.append("  <state>").append(s.state()).append("</state>\n");
        if (s.parent() != null) {
            sb.append("  <parent>\n    <name>").append(escape(s.parent())).append("</name>\n  </parent>\n");
        }
        sb.append("  <creationTime>").append(s.creationTime()).append("</creationTime>\n");
        if (s.memory() != null) {
            sb.append("  <memory snapshot='").append(s.memory()).append('\'');
            if (s.memoryFile() != null) {
                sb.append(" file='").append(escape(s.memoryFile())).append('\'');
            }
            sb.append("/>\n");
        }
        if (!s.disks().isEmpty()) {
            sb.append("  <disks>\n");
            for (SnapshotDef.Disk d : s.disks()) {
                sb.append("    <disk name='").append(escape(d.name())).append("' snapshot='").append(d.snapshot())
                        .append('\'');
                if (!d.external()) {
                    sb.append("/>\n");
                    continue;
                }
                sb.append(" type='").append(d.sourceType() == null ? "file" : d.sourceType()).append("'>\n");
                if (d.driverType() != null) {
                    sb.append("      <driver type='").append(d.driverType()).append("'/>\n");
                }
                if (d.source() != null) {
                    sb.append("      <source file='").append(escape(d.source())).append("'/>\n");
                }
                sb.append("    </disk>\n");
            }
            sb.append("  </disks>\n");
        }
        indent(sb, s.domainXml());
        indent(sb, renamed(s.inactiveXml(), "domain", "inactiveDomain"));
        indent(sb, s.cookieXml());
        if (current != null) {
            sb.append("  <active>").append(current ? 1 : 0).append("</active>\n");
        }
        return sb.append("</domainsnapshot>\n").toString();
    }

    /** {@code xml} with its root element {@code from} called {@code to}. */
    static String renamed(String xml, String from, String to) {
        if (xml == null) {
            return null;
        }
        String s = xml.strip();
        if (s.startsWith("<" + from)) {
            s = "<" + to + s.substring(from.length() + 1);
        }
        if (s.endsWith("</" + from + ">")) {
            s = s.substring(0, s.length() - from.length() - 3) + "</" + to + ">";
        }
        return s + "\n";
    }

    /** Appends {@code xml} (an element at column zero) two columns in. */
    private static void indent(StringBuilder sb, String xml) {
        if (xml == null || xml.isBlank()) {
            return;
        }
        for (String line : xml.strip().split("\n")) {
            sb.append(line.isEmpty() ? "" : "  " + line).append('\n');
        }
    }

    /** An element as text, for a domain definition to be parsed again. */
    public static String serialize(Element e) {
        try {
            var t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            Document copy = DocumentBuilderFactory.newInstance().newDocumentBuilder().newDocument();
            Node imported = copy.importNode(e, true);
            copy.renameNode(imported, null, "domain");
            copy.appendChild(imported);
            t.transform(new DOMSource(copy), new StreamResult(w));
            return w.toString();
        } catch (Exception ex) {
            throw new IllegalStateException("cannot serialize <" + e.getNodeName() + ">", ex);
        }
    }

    private static Document document(String xml) throws VirtException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN_SNAPSHOT,
                    "(domain_snapshot):1: " + e.getMessage());
        }
    }

    static Element child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && tag.equals(n.getNodeName())) {
                return (Element) n;
            }
        }
        return null;
    }

    private static List<Element> children(Element parent, String tag) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && tag.equals(n.getNodeName())) {
                out.add((Element) n);
            }
        }
        return out;
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent();
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("'", "&apos;").replace("\"", "&quot;");
    }
}
