package org.virtd.qemu.snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * The recorded domain of a child of a deleted external snapshot, as libvirt 9.0 rewrites it: a
 * disk that started from the merged overlay now starts from the image it went into, with no
 * backing chain recorded. Works on the formatted XML (column zero, disks at four spaces), so
 * everything else stays exactly as it was recorded.
 */
final class ChildDisks {
    private static final String DISK = "    <disk ";
    private static final String DISK_END = "    </disk>";
    private static final String BACKING = "      <backingStore";
    private static final String BACKING_END = "      </backingStore>";

    private ChildDisks() {
    }

    static String repointed(String xml, ExternalMerge.Merged m) {
        if (xml == null) {
            return null;
        }
        String[] lines = xml.split("\n", -1);
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            if (!lines[i].startsWith(DISK)) {
                out.add(lines[i++]);
                continue;
            }
            int end = i;
            while (end < lines.length && !lines[end].startsWith(DISK_END)) {
                end++;
            }
            List<String> disk = List.of(lines).subList(i, Math.min(end + 1, lines.length));
            out.addAll(matches(disk, m) ? rewritten(disk, m) : disk);
            i = end + 1;
        }
        return String.join("\n", out);
    }

    private static boolean matches(List<String> disk, ExternalMerge.Merged m) {
        return disk.stream().anyMatch(l -> l.startsWith("      <target dev='" + m.target() + "'"))
                && disk.stream().anyMatch(l -> l.startsWith(source(m.top())));
    }

    private static List<String> rewritten(List<String> disk, ExternalMerge.Merged m) {
        List<String> out = new ArrayList<>();
        boolean inBacking = false;
        for (String l : disk) {
            if (inBacking) {
                inBacking = !l.startsWith(BACKING_END);
            } else if (l.startsWith(BACKING)) {
                inBacking = !l.endsWith("/>");
            } else if (l.startsWith(source(m.top()))) {
                out.add(source(m.base()) + l.substring(source(m.top()).length()));
            } else {
                out.add(l);
            }
        }
        return out;
    }

    private static String source(String path) {
        return "      <source file='" + SnapshotXml.escape(path) + "'";
    }
}
