package org.virtd.qemu.checkpoint;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One domain's checkpoints by name in creation order, their parent links and the one new
 * checkpoints hang under (libvirt keeps it internally: the last created, or the parent of a
 * deleted one). Guarded by itself; changes also happen under the domain's lock.
 */
final class CheckpointTree {
    private final LinkedHashMap<String, CheckpointDef> byName = new LinkedHashMap<>();
    private String current;

    synchronized CheckpointDef get(String name) {
        return byName.get(name);
    }

    synchronized void put(CheckpointDef def) {
        byName.put(def.name(), def);
    }

    synchronized void remove(String name) {
        byName.remove(name);
        if (name.equals(current)) {
            current = null;
        }
    }

    synchronized int size() {
        return byName.size();
    }

    synchronized List<CheckpointDef> all() {
        return new ArrayList<>(byName.values());
    }

    synchronized String current() {
        return current != null && byName.containsKey(current) ? current : null;
    }

    synchronized void current(String name) {
        current = name;
    }

    /** The direct children of {@code name}, newest first. */
    synchronized List<CheckpointDef> children(String name) {
        List<CheckpointDef> out = new ArrayList<>();
        for (CheckpointDef d : byName.values()) {
            if (name.equals(d.parent())) {
                out.add(0, d);
            }
        }
        return out;
    }

    /** Every descendant of {@code name}, each before its own children. */
    synchronized List<CheckpointDef> descendants(String name) {
        List<CheckpointDef> out = new ArrayList<>();
        for (CheckpointDef c : children(name)) {
            out.add(c);
            out.addAll(descendants(c.name()));
        }
        return out;
    }

    /** Every checkpoint, parents before children. */
    synchronized List<CheckpointDef> topological() {
        List<CheckpointDef> out = new ArrayList<>();
        List<CheckpointDef> newestFirst = new ArrayList<>(byName.values());
        Collections.reverse(newestFirst);
        for (CheckpointDef d : newestFirst) {
            if (d.parent() == null || !byName.containsKey(d.parent())) {
                out.add(d);
                out.addAll(descendants(d.name()));
            }
        }
        return out;
    }

    synchronized boolean isLeaf(String name) {
        return children(name).isEmpty();
    }
}
