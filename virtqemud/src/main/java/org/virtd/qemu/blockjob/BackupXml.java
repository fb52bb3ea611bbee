package org.virtd.qemu.blockjob;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.qemu.xml.XmlElements;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code <domainbackup>} document (libvirt's backup_conf.c): the mode, the checkpoint an
 * incremental backup starts from, and per disk whether it is backed up and to which file; and
 * what backup-dumpxml shows of a running backup (each disk's mode and target node number).
 */
final class BackupXml {
    /** One disk as asked: {@code backup} null when the XML does not say. */
    record Asked(String name, Boolean backup, String target, String format) {
    }

    record Parsed(String mode, String incremental, List<Asked> disks) {
    }

    /** One disk of a running backup. */
    record Disk(String name, String target, String format, int index, String incremental) {
    }

    private BackupXml() {
    }

    static Parsed parse(String xml) throws VirtException {
        Element root = XmlElements.root(xml, "domain_backup", ErrorDomain.DOMAIN);
        if (!"domainbackup".equals(root.getNodeName())) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN,
                    "expecting root element of 'domainbackup', not '" + root.getNodeName() + "'");
        }
        String mode = root.getAttribute("mode").isEmpty() ? "push" : root.getAttribute("mode");
        Element inc = XmlElements.child(root, "incremental");
        List<Asked> disks = new ArrayList<>();
        Element disksEl = XmlElements.child(root, "disks");
        if (disksEl != null) {
            for (Element d : XmlElements.children(disksEl, "disk")) {
                String backup = d.getAttribute("backup");
                Element target = XmlElements.child(d, "target");
                Element driver = XmlElements.child(d, "driver");
                disks.add(new Asked(d.getAttribute("name"), backup.isEmpty() ? null : "yes".equals(backup),
                        XmlElements.attribute(target, "file"), XmlElements.attribute(driver, "type")));
            }
        }
        return new Parsed(mode, inc == null ? null : inc.getTextContent().strip(), disks);
    }

    static String format(String incremental, List<Disk> disks) {
        StringBuilder sb = new StringBuilder("<domainbackup mode='push'>\n");
        if (incremental != null) {
            sb.append("  <incremental>").append(escape(incremental)).append("</incremental>\n");
        }
        sb.append("  <disks>\n");
        for (Disk d : disks) {
            sb.append("    <disk name='").append(escape(d.name())).append("' backup='yes' type='file' backupmode='")
                    .append(d.incremental() == null ? "full" : "incremental").append('\'');
            if (d.incremental() != null) {
                sb.append(" incremental='").append(escape(d.incremental())).append('\'');
            }
            sb.append(" index='").append(d.index()).append("'>\n");
            sb.append("      <driver type='").append(d.format()).append("'/>\n");
            sb.append("      <target file='").append(escape(d.target())).append("'/>\n");
            sb.append("    </disk>\n");
        }
        return sb.append("  </disks>\n</domainbackup>\n").toString();
    }




    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&apos;");
    }
}
