package org.virtd.vbox.mapping;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.UUID;

/**
 * The {@code <domainsnapshot>} document as libvirt's vbox driver reads and writes it: a new
 * snapshot takes only its name (the current time in seconds when absent) and description; the
 * formatted one adds state, parent, creation time and the domain it belongs to.
 */
public final class SnapshotXml {
    /** What {@code snapshot-create-as} asks for. */
    public record Request(String name, String description) {
    }

    /** One snapshot to format; {@code parent} null for the root. */
    public record Described(String name, String description, String state, String parent, long creationTime,
                            String domainName, UUID domainUuid) {
    }

    private SnapshotXml() {
    }

    public static Request parse(String xml, long nowSeconds) throws VirtException {
        Element root = document(xml).getDocumentElement();
        if (!"domainsnapshot".equals(root.getNodeName())) {
            throw invalid("unexpected root element <" + root.getNodeName() + ">, expecting <domainsnapshot>");
        }
        String name = child(root, "name");
        if (name == null || name.isBlank()) {
            name = Long.toString(nowSeconds);
        }
        String description = child(root, "description");
        return new Request(name.strip(), description == null ? "" : description);
    }

    public static String format(Described s) {
        StringBuilder sb = new StringBuilder("<domainsnapshot>\n");
        sb.append("  <name>").append(escape(s.name())).append("</name>\n");
        if (!s.description().isEmpty()) {
            sb.append("  <description>").append(escape(s.description())).append("</description>\n");
        }
        sb.append("  <state>").append(s.state()).append("</state>\n");
        if (s.parent() != null) {
            sb.append("  <parent>\n    <name>").append(escape(s.parent())).append("</name>\n  </parent>\n");
        }
        sb.append("  <creationTime>").append(s.creationTime()).append("</creationTime>\n");
        sb.append("  <domain type='vbox'>\n    <name>").append(escape(s.domainName())).append("</name>\n")
                .append("    <uuid>").append(s.domainUuid()).append("</uuid>\n  </domain>\n");
        return sb.append("</domainsnapshot>\n").toString();
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

    private static String child(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && tag.equals(n.getNodeName())) {
                return n.getTextContent();
            }
        }
        return null;
    }

    private static VirtException invalid(String message) {
        return new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN_SNAPSHOT, message);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("'", "&apos;").replace("\"", "&quot;");
    }
}
