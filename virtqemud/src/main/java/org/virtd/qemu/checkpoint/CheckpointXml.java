package org.virtd.qemu.checkpoint;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.qemu.xml.XmlElements;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code <domaincheckpoint>} document (libvirt's domain_checkpoint_conf.c): what a client
 * gives to create or redefine one, and what it reads back, which is also the metadata file's body.
 * libvirt validates checkpoint XML against its schema; the refusals clients meet are worded so.
 */
public final class CheckpointXml {
    private static final String SCHEMA = "/usr/share/libvirt/schemas/domaincheckpoint.rng";
    private static final Set<String> TOP = Set.of("name", "description", "parent", "creationTime", "disks",
            "domain");

    /** A parsed document; the domain stays an element so a redefine can reformat it. */
    public record Parsed(String name, String description, String parent, Long creationTime,
                         List<CheckpointDef.Disk> disks, Element domain) {
    }

    private CheckpointXml() {
    }

    public static Parsed parse(String xml) throws VirtException {
        Element root = XmlElements.root(xml, "domain_checkpoint", ErrorDomain.DOMAIN_CHECKPOINT);
        if (!"domaincheckpoint".equals(root.getNodeName())) {
            throw schema("Expecting element domaincheckpoint, got " + root.getNodeName());
        }
        for (Element e : XmlElements.children(root, null)) {
            if (!TOP.contains(e.getNodeName())) {
                throw schema("Element domaincheckpoint has extra content: " + e.getNodeName());
            }
        }
        String name = text(XmlElements.child(root, "name"));
        if (name != null && (name.contains("/") || name.isEmpty())) {
            throw schema("Extra element name in interleave\nElement domaincheckpoint failed to validate content");
        }
        Element parentEl = XmlElements.child(root, "parent");
        String parent = parentEl == null ? null : text(XmlElements.child(parentEl, "name"));
        String created = text(XmlElements.child(root, "creationTime"));
        Long creationTime = null;
        if (created != null) {
            try {
                creationTime = Long.parseLong(created.strip());
            } catch (NumberFormatException e) {
                throw schema("Extra element creationTime in interleave\n"
                        + "Element domaincheckpoint failed to validate content");
            }
        }
        List<CheckpointDef.Disk> disks = new ArrayList<>();
        Element disksEl = XmlElements.child(root, "disks");
        if (disksEl != null) {
            for (Element d : XmlElements.children(disksEl, "disk")) {
                String checkpoint = d.getAttribute("checkpoint");
                String bitmap = d.getAttribute("bitmap");
                disks.add(new CheckpointDef.Disk(d.getAttribute("name"), checkpoint.isEmpty() ? null : checkpoint,
                        bitmap.isEmpty() ? null : bitmap));
            }
        }
        return new Parsed(name == null ? null : name.strip(), text(XmlElements.child(root, "description")), parent,
                creationTime, disks, XmlElements.child(root, "domain"));
    }

    /**
     * What virDomainCheckpointGetXMLDesc returns: {@code sizes} (bitmap name to dirty bytes, or
     * null) adds each disk's size; {@code withDomain} false leaves the domain out.
     */
    public static String format(CheckpointDef c, boolean withDomain, Map<String, Long> sizes) {
        StringBuilder sb = new StringBuilder("<domaincheckpoint>\n");
        sb.append("  <name>").append(escape(c.name())).append("</name>\n");
        if (c.description() != null) {
            sb.append("  <description>").append(escape(c.description())).append("</description>\n");
        }
        if (c.parent() != null) {
            sb.append("  <parent>\n    <name>").append(escape(c.parent())).append("</name>\n  </parent>\n");
        }
        if (c.creationTime() != 0) {
            sb.append("  <creationTime>").append(c.creationTime()).append("</creationTime>\n");
        }
        if (!c.disks().isEmpty()) {
            sb.append("  <disks>\n");
            for (CheckpointDef.Disk d : c.disks()) {
                sb.append("    <disk name='").append(escape(d.name())).append("' checkpoint='")
                        .append(d.checkpoint()).append('\'');
                if (d.hasBitmap()) {
                    sb.append(" bitmap='").append(escape(d.bitmap())).append('\'');
                    Long size = sizes == null ? null : sizes.get(d.name());
                    if (size != null) {
                        sb.append(" size='").append(size).append('\'');
                    }
                }
                sb.append("/>\n");
            }
            sb.append("  </disks>\n");
        }
        if (withDomain && c.domainXml() != null && !c.domainXml().isBlank()) {
            for (String line : c.domainXml().strip().split("\n")) {
                sb.append(line.isEmpty() ? "" : "  " + line).append('\n');
            }
        }
        return sb.append("</domaincheckpoint>\n").toString();
    }

    private static VirtException schema(String detail) {
        return new VirtException(ErrorCode.XML_INVALID_SCHEMA, ErrorDomain.DOMAIN_CHECKPOINT,
                "Unable to validate doc against " + SCHEMA + "\n" + detail + "\n");
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent();
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("'", "&apos;").replace("\"", "&quot;");
    }
}
