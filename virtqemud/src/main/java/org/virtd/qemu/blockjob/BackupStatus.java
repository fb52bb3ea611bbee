package org.virtd.qemu.blockjob;

import org.virtd.qemu.xml.XmlElements;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A running backup as a status file keeps it (libvirt 9.0's {@code <backups>} with the internal
 * {@code <domainbackup>}, the {@code <job async='backup' flags=>} and the backup's entries in
 * {@code <blockjobs>}), read back by a restarted daemon whether we or libvirtd wrote it.
 */
final class BackupStatus {
    /** One disk backed up: its name, the number of its target's (scratch's) node, its QEMU job. */
    record Store(String name, int index, String job) {
    }

    /**
     * The backup: its definition, begin's flags, every disk's name in order, the disks backed up
     * and whether it was being cancelled.
     */
    record Recovered(BackupXml.Parsed def, int flags, List<String> order, List<Store> stores, boolean cancelling) {
    }

    private BackupStatus() {
    }

    /** The backup {@code statusXml} records; null when it records none. */
    static Recovered parse(String statusXml) throws VirtException {
        Element root = XmlElements.root(statusXml, "status", ErrorDomain.QEMU);
        Element backups = XmlElements.child(root, "backups");
        Element doc = backups == null ? null : XmlElements.child(backups, "domainbackup");
        if (doc == null) {
            return null;
        }
        BackupXml.Parsed def = BackupXml.parse(doc);
        Map<String, String> jobs = backupJobs(XmlElements.child(root, "blockjobs"));
        List<String> order = new ArrayList<>();
        List<Store> stores = new ArrayList<>();
        boolean cancelling = false;
        Element disks = XmlElements.child(doc, "disks");
        for (Element d : disks == null ? List.<Element>of() : XmlElements.children(disks, "disk")) {
            String name = d.getAttribute("name");
            order.add(name);
            if (!"yes".equals(d.getAttribute("backup"))) {
                continue;
            }
            cancelling |= d.getAttribute("state").startsWith("cancel");
            stores.add(new Store(name, Integer.parseInt(d.getAttribute("index")), jobs.get(name)));
        }
        Element job = XmlElements.child(root, "job");
        int flags = 0;
        if (job != null && "backup".equals(job.getAttribute("async"))) {
            String f = job.getAttribute("flags");
            flags = f.startsWith("0x") ? Integer.parseUnsignedInt(f.substring(2), 16) : 0;
        }
        return new Recovered(def, flags, order, stores, cancelling);
    }

    /** Disk name to QEMU job id of the backup entries of {@code <blockjobs>}. */
    private static Map<String, String> backupJobs(Element blockjobs) {
        Map<String, String> out = new HashMap<>();
        if (blockjobs != null) {
            for (Element j : XmlElements.children(blockjobs, "blockjob")) {
                String dst = XmlElements.attribute(XmlElements.child(j, "disk"), "dst");
                if ("backup".equals(j.getAttribute("type")) && dst != null) {
                    out.put(dst, j.getAttribute("name"));
                }
            }
        }
        return out;
    }
}
