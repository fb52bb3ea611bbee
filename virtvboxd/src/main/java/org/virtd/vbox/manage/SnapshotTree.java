package org.virtd.vbox.manage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A machine's snapshots as {@code snapshot VM list --machinereadable} (and the tail of
 * {@code showvminfo --machinereadable}) prints them: one {@code SnapshotName<node>} per snapshot in
 * pre-order, where a child's node is its parent's node plus {@code -N}, and the current snapshot
 * named by {@code CurrentSnapshotUUID}.
 */
public final class SnapshotTree {
    private static final String NAME = "SnapshotName";

    /** One snapshot; {@code parent} is null for the root. */
    public record Snapshot(String name, UUID uuid, String description, UUID parent, String node) {
    }

    private final List<Snapshot> all;
    private final UUID current;

    private SnapshotTree(List<Snapshot> all, UUID current) {
        this.all = List.copyOf(all);
        this.current = current;
    }

    public static SnapshotTree parse(String text) {
        return of(MachineReadable.parse(text));
    }

    public static SnapshotTree of(KeyValues kv) {
        List<Snapshot> out = new ArrayList<>();
        for (Map.Entry<String, String> e : kv.asMap().entrySet()) {
            if (!e.getKey().startsWith(NAME)) {
                continue;
            }
            String node = e.getKey().substring(NAME.length());
            if (!node.isEmpty() && !node.matches("(-\\d+)+")) {
                continue;
            }
            UUID uuid = uuid(kv.get("SnapshotUUID" + node));
            if (uuid == null) {
                continue;
            }
            out.add(new Snapshot(e.getValue(), uuid, kv.get("SnapshotDescription" + node, ""),
                    uuidOfNode(out, parentNode(node)), node));
        }
        return new SnapshotTree(out, uuid(kv.get("CurrentSnapshotUUID")));
    }

    /** The node one level up ({@code -2-1} → {@code -2}), or null for the root. */
    static String parentNode(String node) {
        return node.isEmpty() ? null : node.substring(0, node.lastIndexOf('-'));
    }

    private static UUID uuidOfNode(List<Snapshot> seen, String node) {
        if (node == null) {
            return null;
        }
        for (Snapshot s : seen) {
            if (s.node().equals(node)) {
                return s.uuid();
            }
        }
        return null;
    }

    private static UUID uuid(String s) {
        try {
            return s == null ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** All snapshots in pre-order (parents before children). */
    public List<Snapshot> all() {
        return all;
    }

    public int size() {
        return all.size();
    }

    public Optional<Snapshot> current() {
        return current == null ? Optional.empty() : byUuid(current);
    }

    /** The first snapshot of that name in pre-order (VirtualBox allows repeated names). */
    public Optional<Snapshot> byName(String name) {
        return all.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<Snapshot> byUuid(UUID uuid) {
        return all.stream().filter(s -> s.uuid().equals(uuid)).findFirst();
    }

    /** Every snapshot below {@code top}, in pre-order. */
    public List<Snapshot> descendants(Snapshot top) {
        List<Snapshot> out = new ArrayList<>();
        String prefix = top.node() + "-";
        for (Snapshot s : all) {
            if (s.node().startsWith(prefix)) {
                out.add(s);
            }
        }
        return out;
    }
}
