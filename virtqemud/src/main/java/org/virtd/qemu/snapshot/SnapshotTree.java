package org.virtd.qemu.snapshot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * One domain's snapshots (libvirt's virDomainSnapshotObjList): by name in creation order, the
 * parent links between them and which one is current. Not thread-safe: used under the domain's
 * lock, or copied for a listing.
 */
public final class SnapshotTree {
    private final LinkedHashMap<String, SnapshotDef> byName = new LinkedHashMap<>();
    private String current;

    public synchronized SnapshotDef get(String name) {
        return byName.get(name);
    }

    public synchronized void put(SnapshotDef def) {
        byName.put(def.name(), def);
    }

    public synchronized void remove(String name) {
        byName.remove(name);
        if (name.equals(current)) {
            current = null;
        }
    }

    public synchronized int size() {
        return byName.size();
    }

    public synchronized List<SnapshotDef> all() {
        return new ArrayList<>(byName.values());
    }

    /** The current snapshot's name, or null. */
    public synchronized String current() {
        return current != null && byName.containsKey(current) ? current : null;
    }

    public synchronized void current(String name) {
        this.current = name;
    }

    /** The direct children of {@code name}, newest first (as libvirt links them). */
    public synchronized List<SnapshotDef> children(String name) {
        List<SnapshotDef> out = new ArrayList<>();
        for (SnapshotDef d : byName.values()) {
            if (name.equals(d.parent())) {
                out.add(0, d);
            }
        }
        return out;
    }

    /** Every descendant of {@code name}, each before its own children. */
    public synchronized List<SnapshotDef> descendants(String name) {
        List<SnapshotDef> out = new ArrayList<>();
        for (SnapshotDef c : children(name)) {
            out.add(c);
            out.addAll(descendants(c.name()));
        }
        return out;
    }

    /** Every snapshot, parents before children (what TOPOLOGICAL asks for). */
    public synchronized List<SnapshotDef> topological() {
        List<SnapshotDef> out = new ArrayList<>();
        List<SnapshotDef> newestFirst = new ArrayList<>(byName.values());
        java.util.Collections.reverse(newestFirst);
        for (SnapshotDef d : newestFirst) {
            if (d.parent() == null || !byName.containsKey(d.parent())) {
                out.add(d);
                out.addAll(descendants(d.name()));
            }
        }
        return out;
    }

    public synchronized boolean isLeaf(String name) {
        return children(name).isEmpty();
    }

    public synchronized Collection<String> names() {
        return new ArrayList<>(byName.keySet());
    }
}
