package org.virtd.vbox.driver;

import org.virtd.vbox.manage.MachineInfo;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * A short-lived memory of what VirtualBox last said (issue 12): the machine list and each
 * machine's settings, kept for {@code ttl} so that one virsh command's several calls (lookup,
 * info, OS type, persistence, managed save) and a {@code list --all} over many machines do not
 * each launch VBoxManage. Every change the daemon makes drops what it touches; a change behind
 * the daemon's back is seen once the entry expires. Time comes from an injected ticker.
 */
final class MachineCache {
    private final Duration ttl;
    private final LongSupplier nanos;
    private List<Machines.Listed> list;
    private long listAt;
    private final Map<UUID, Entry> infos = new HashMap<>();

    private record Entry(MachineInfo info, long at) {
    }

    MachineCache(Duration ttl, LongSupplier nanos) {
        this.ttl = ttl;
        this.nanos = nanos;
    }

    synchronized List<Machines.Listed> list() {
        return list != null && fresh(listAt) ? list : null;
    }

    synchronized void list(List<Machines.Listed> value) {
        list = List.copyOf(value);
        listAt = nanos.getAsLong();
    }

    synchronized MachineInfo info(UUID uuid) {
        Entry e = infos.get(uuid);
        return e != null && fresh(e.at) ? e.info : null;
    }

    synchronized void info(UUID uuid, MachineInfo info) {
        infos.put(uuid, new Entry(info, nanos.getAsLong()));
    }

    /** A machine changed (or may have): forget its settings and the list (ids, names). */
    synchronized void changed(UUID uuid) {
        infos.remove(uuid);
        list = null;
    }

    synchronized void clear() {
        infos.clear();
        list = null;
    }

    private boolean fresh(long at) {
        return nanos.getAsLong() - at < ttl.toNanos();
    }
}
