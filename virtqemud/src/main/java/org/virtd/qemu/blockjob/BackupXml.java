package org.virtd.qemu.blockjob;

import org.virtd.qemu.xml.XmlElements;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <domainbackup>} document (libvirt's backup_conf.c): the mode, the checkpoint an
 * incremental backup starts from, a pull backup's NBD server, and per disk whether it is backed
 * up, how (full or incremental), to which file (push: target, pull: scratch) and under which
 * export name; and what backup-dumpxml shows of a running backup.
 */
final class BackupXml {
    static final String PUSH = "push";
    static final String PULL = "pull";
    static final String FULL = "full";
    static final String INCREMENTAL = "incremental";

    /** One disk as asked: {@code backup} null when the XML does not say; the rest null when absent. */
    record Asked(String name, Boolean backup, String file, String format, String mode, String incremental,
                 String exportName, String exportBitmap) {
    }

    /** A pull backup's NBD server: transport tcp (name, port) or unix (socket). */
    record Server(String transport, String name, int port, String socket) {
    }

    record Parsed(String mode, String incremental, Server server, List<Asked> disks) {
        boolean pull() {
            return PULL.equals(mode);
        }
    }

    /**
     * One disk of a running backup as shown: {@code backup} false for a disk left out (then only
     * its name counts); {@code index} the number of the target's node.
     */
    record Disk(String name, boolean backup, String mode, String incremental, String exportName,
                String exportBitmap, int index, String format, String file) {
        static Disk skipped(String name) {
            return new Disk(name, false, null, null, null, null, 0, null, null);
        }
    }

    private BackupXml() {
    }

    static Parsed parse(String xml) throws VirtException {
        Element root = XmlElements.root(xml, "domain_backup", ErrorDomain.DOMAIN);
        if (!"domainbackup".equals(root.getNodeName())) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                    "expecting root element of 'domainbackup', not '" + root.getNodeName() + "'");
        }
        return parse(root);
    }

    /** A {@code <domainbackup>} element, a client's or the one a status file keeps. */
    static Parsed parse(Element root) throws VirtException {
        String mode = root.getAttribute("mode").isEmpty() ? PUSH : root.getAttribute("mode");
        if (!PUSH.equals(mode) && !PULL.equals(mode)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "unknown backup mode '" + mode + "'");
        }
        boolean pull = PULL.equals(mode);
        checkSchema(root, pull);
        Element inc = XmlElements.child(root, "incremental");
        Server server = server(XmlElements.child(root, "server"), pull);
        List<Asked> disks = new ArrayList<>();
        Element disksEl = XmlElements.child(root, "disks");
        if (disksEl != null) {
            for (Element d : XmlElements.children(disksEl, "disk")) {
                disks.add(disk(d, pull));
            }
        }
        String incremental = inc == null ? null : inc.getTextContent().strip();
        return new Parsed(mode, incremental == null || incremental.isEmpty() ? null : incremental, server, disks);
    }

    /**
     * The cases where libvirtd's schema check (domainbackup.rng) refuses a document before its
     * parser looks at it, with libxml2's words: a server in push mode, none in pull mode, a pull
     * scratch that is not qcow2.
     */
    private static void checkSchema(Element root, boolean pull) throws VirtException {
        boolean server = XmlElements.child(root, "server") != null;
        if (!pull && server) {
            throw schema("server");
        }
        if (pull && !server && XmlElements.child(root, "disks") != null) {
            throw schema("disks");
        }
        Element disks = XmlElements.child(root, "disks");
        if (pull && disks != null) {
            for (Element d : XmlElements.children(disks, "disk")) {
                String type = XmlElements.attribute(XmlElements.child(d, "driver"), "type");
                if (type != null && !"qcow2".equals(type)) {
                    throw schema("server");
                }
            }
        }
    }

    private static VirtException schema(String element) {
        return new VirtException(ErrorCode.XML_INVALID_SCHEMA, ErrorDomain.XML,
                "Unable to validate doc against /usr/share/libvirt/schemas/domainbackup.rng\nExtra element "
                        + element + " in interleave\nElement domainbackup failed to validate content\n");
    }

    private static Server server(Element e, boolean pull) throws VirtException {
        if (e == null) {
            return null;
        }
        if (!pull) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "use of <server> requires pull mode backup");
        }
        String transport = e.getAttribute("transport").isEmpty() ? "tcp" : e.getAttribute("transport");
        if (!"tcp".equals(transport) && !"unix".equals(transport)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN,
                    "transport " + transport + " is not supported for <server>");
        }
        String socket = XmlElements.attribute(e, "socket");
        if ("unix".equals(transport) && (socket == null || !socket.startsWith("/"))) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                    "backup socket path '" + socket + "' must be absolute");
        }
        int port = 0;
        String p = XmlElements.attribute(e, "port");
        if (p != null) {
            try {
                port = Integer.parseInt(p);
            } catch (NumberFormatException ex) {
                throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "invalid port number '" + p + "'");
            }
        }
        return new Server(transport, XmlElements.attribute(e, "name"), port, socket);
    }

    private static Asked disk(Element d, boolean pull) throws VirtException {
        String name = d.getAttribute("name");
        if (name.isEmpty()) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN, "missing name from disk backup element");
        }
        String backup = d.getAttribute("backup");
        if (!backup.isEmpty() && !"yes".equals(backup) && !"no".equals(backup)) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                    "Invalid value for attribute 'backup' in element 'disk': '" + backup + "'.");
        }
        String mode = XmlElements.attribute(d, "backupmode");
        if (mode != null && !FULL.equals(mode) && !INCREMENTAL.equals(mode)) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                    "Invalid value for attribute 'backupmode' in element 'disk': '" + mode + "'.");
        }
        Element file = XmlElements.child(d, pull ? "scratch" : "target");
        Element driver = XmlElements.child(d, "driver");
        return new Asked(name, backup.isEmpty() ? null : "yes".equals(backup), XmlElements.attribute(file, "file"),
                XmlElements.attribute(driver, "type"), mode, XmlElements.attribute(d, "incremental"),
                pull ? XmlElements.attribute(d, "exportname") : null,
                pull ? XmlElements.attribute(d, "exportbitmap") : null);
    }

    static String format(String mode, String incremental, Server server, List<Disk> disks) {
        return format(mode, incremental, server, disks, null);
    }

    /**
     * The document; with {@code state} (running, cancelling) the form a status file keeps, each
     * disk's state and its file's node names added as libvirt's internal format has them.
     */
    static String format(String mode, String incremental, Server server, List<Disk> disks, String state) {
        StringBuilder sb = new StringBuilder("<domainbackup mode='").append(mode).append("'>\n");
        if (incremental != null) {
            sb.append("  <incremental>").append(escape(incremental)).append("</incremental>\n");
        }
        if (server != null) {
            sb.append("  <server transport='").append(server.transport()).append('\'');
            optional(sb, "name", server.name());
            if (server.port() != 0) {
                sb.append(" port='").append(server.port()).append('\'');
            }
            optional(sb, "socket", server.socket());
            sb.append("/>\n");
        }
        sb.append("  <disks>\n");
        for (Disk d : disks) {
            sb.append("    <disk name='").append(escape(d.name())).append("' backup='")
                    .append(d.backup() ? "yes" : "no").append('\'');
            if (!d.backup()) {
                sb.append("/>\n");
                continue;
            }
            if (state != null) {
                sb.append(" state='").append(state).append('\'');
            }
            sb.append(" type='file' backupmode='").append(d.mode()).append('\'');
            optional(sb, "incremental", d.incremental());
            optional(sb, "exportname", d.exportName());
            optional(sb, "exportbitmap", d.exportBitmap());
            sb.append(" index='").append(d.index()).append("'>\n");
            sb.append("      <driver type='").append(d.format()).append("'/>\n");
            String fileTag = PULL.equals(mode) ? "scratch" : "target";
            sb.append("      <").append(fileTag).append(" file='").append(escape(d.file()));
            if (state == null) {
                sb.append("'/>\n");
            } else {
                sb.append("'>\n").append(BlockJobStatus.nodenames("        ", d.index()))
                        .append("      </").append(fileTag).append(">\n");
            }
            sb.append("    </disk>\n");
        }
        return sb.append("  </disks>\n</domainbackup>\n").toString();
    }

    private static void optional(StringBuilder sb, String attr, String value) {
        if (value != null) {
            sb.append(' ').append(attr).append("='").append(escape(value)).append('\'');
        }
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
