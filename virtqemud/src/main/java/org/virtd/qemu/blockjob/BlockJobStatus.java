package org.virtd.qemu.blockjob;

import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.xml.XmlElements;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code <blockjobs>} element of a status file in libvirt 9.0's form: per job its QEMU id,
 * type, state (a READY job also its {@code newstate}), {@code jobflags} in hex, the disk (with
 * mirror='yes' for a copy) and the nodes it works on (a commit's base, top and the image above
 * top; a pull's base); a backup's jobs add their store. Read back by a restarted daemon, whether
 * we or libvirtd wrote it.
 */
final class BlockJobStatus {
    private static final Pattern NODE = Pattern.compile("libvirt-(\\d+)-(format|storage)");

    private BlockJobStatus() {
    }

    /** The element for {@code jobs} on the disks of {@code live}, then {@code more} (formatted entries). */
    static String format(List<BlockJob> jobs, DomainDef live, String more) {
        if (jobs.isEmpty() && more.isEmpty()) {
            return "  <blockjobs active='no'/>\n";
        }
        StringBuilder sb = new StringBuilder("  <blockjobs active='yes'>\n");
        for (BlockJob j : jobs) {
            sb.append("    <blockjob name='").append(j.name).append("' type='").append(j.type.xmlName)
                    .append("' state='").append(j.state.name().toLowerCase(Locale.ROOT)).append('\'');
            if (j.state == BlockJob.State.READY) {
                sb.append(" newstate='ready'");
            }
            sb.append(" jobflags='0x").append(Integer.toHexString(j.flags)).append('\'');
            List<DiskImages.Image> images = images(live, j.dst);
            if (j.type == BlockJobType.COPY && j.shallow && images.size() > 1) {
                sb.append(" shallownew='yes'");
            }
            sb.append(">\n      <disk dst='").append(j.dst).append('\'');
            if (j.type == BlockJobType.COPY) {
                sb.append(" mirror='yes'");
            }
            sb.append("/>\n");
            if (j.base > 0) {
                node(sb, "base", j.base);
            }
            if (j.type == BlockJobType.COMMIT || j.type == BlockJobType.ACTIVE_COMMIT) {
                node(sb, "top", j.top);
            }
            if (j.type == BlockJobType.COMMIT) {
                int above = above(images, j.top);
                if (above > 0) {
                    node(sb, "topparent", above);
                }
            }
            if (j.deleteImages) {
                sb.append("      <deleteCommittedImages/>\n");
            }
            sb.append("    </blockjob>\n");
        }
        return sb.append(more).append("  </blockjobs>\n").toString();
    }

    /** A backup job's entry: its disk and the store (target or scratch) with the store's nodes. */
    static String backupEntry(String name, String dst, String format, String file, int index) {
        return "    <blockjob name='" + name + "' type='backup' state='running' jobflags='0x0'>\n"
                + "      <disk dst='" + dst + "'/>\n"
                + "      <store type='file' format='" + format + "'>\n"
                + "        <source file='" + BackupXml.escape(file) + "' index='" + index + "'>\n"
                + nodenames("          ", index)
                + "        </source>\n      </store>\n    </blockjob>\n";
    }

    /** libvirt's {@code <privateData><nodenames>} of image {@code index}, indented by {@code pad}. */
    static String nodenames(String pad, int index) {
        return pad + "<privateData>\n" + pad + "  <nodenames>\n"
                + pad + "    <nodename type='storage' name='libvirt-" + index + "-storage'/>\n"
                + pad + "    <nodename type='format' name='libvirt-" + index + "-format'/>\n"
                + pad + "  </nodenames>\n" + pad + "</privateData>\n";
    }

    /**
     * The disk block jobs (pull, commit, copy) of a status file's {@code <blockjobs>}; jobs of
     * other kinds (backup, image creation) and disks the live definition lacks are left out.
     */
    static List<BlockJob> parse(String statusXml, DomainDef live) throws VirtException {
        List<BlockJob> out = new ArrayList<>();
        Element root = XmlElements.root(statusXml, "status", ErrorDomain.QEMU);
        Element jobs = XmlElements.child(root, "blockjobs");
        if (jobs == null) {
            return out;
        }
        for (Element j : XmlElements.children(jobs, "blockjob")) {
            BlockJobType type;
            try {
                type = BlockJobType.named(j.getAttribute("type"));
            } catch (IllegalArgumentException e) {
                continue;
            }
            String dst = XmlElements.attribute(XmlElements.child(j, "disk"), "dst");
            DiskDef disk = dst == null ? null : find(live, dst);
            if (disk == null) {
                continue;
            }
            List<DiskImages.Image> images = DiskImages.of(disk);
            int flags = flags(j.getAttribute("jobflags"));
            int base = index(XmlElements.child(j, "base"));
            int top = index(XmlElements.child(j, "top"));
            if (top == 0) {
                top = images.get(0).index();
            }
            int mirror = 0;
            boolean shallow = false;
            if (type == BlockJobType.COPY && disk.mirror() != null) {
                mirror = disk.mirror().index();
                shallow = !disk.mirror().ends();
            } else if (type == BlockJobType.COPY) {
                shallow = (flags & 1) != 0;
            }
            out.add(new BlockJob(j.getAttribute("name"), type, dst, top, base, mirror, shallow, flags,
                    state(j.getAttribute("state")), XmlElements.child(j, "deleteCommittedImages") != null));
        }
        return out;
    }

    /** libvirt's states as ours: the ones past running become running and QEMU is asked again. */
    private static BlockJob.State state(String s) {
        return switch (s) {
            case "ready" -> BlockJob.State.READY;
            case "aborting" -> BlockJob.State.ABORTING;
            case "pivoting" -> BlockJob.State.PIVOTING;
            default -> BlockJob.State.RUNNING;
        };
    }

    private static int flags(String hex) {
        try {
            return hex.startsWith("0x") ? Integer.parseUnsignedInt(hex.substring(2), 16) : Integer.parseInt(hex);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The image number of a {@code <base node='libvirt-N-format'/>}; 0 when absent. */
    private static int index(Element e) {
        String node = XmlElements.attribute(e, "node");
        Matcher m = node == null ? null : NODE.matcher(node);
        return m != null && m.matches() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static void node(StringBuilder sb, String tag, int index) {
        sb.append("      <").append(tag).append(" node='libvirt-").append(index).append("-format'/>\n");
    }

    /** The number of the image directly above image {@code index}; 0 when it is the top or unknown. */
    private static int above(List<DiskImages.Image> images, int index) {
        for (int i = 1; i < images.size(); i++) {
            if (images.get(i).index() == index) {
                return images.get(i - 1).index();
            }
        }
        return 0;
    }

    private static List<DiskImages.Image> images(DomainDef live, String dst) {
        DiskDef d = find(live, dst);
        return d == null ? List.of() : DiskImages.of(d);
    }

    private static DiskDef find(DomainDef live, String dst) {
        if (live.devices() != null) {
            for (DiskDef d : live.devices().disks()) {
                if (d.targetDev().equals(dst)) {
                    return d;
                }
            }
        }
        return null;
    }
}
