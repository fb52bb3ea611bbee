package org.virtd.vbox.driver;

import org.virtd.vbox.manage.FileStamp;
import org.virtd.vbox.manage.MachineEntry;
import org.virtd.vbox.manage.MachineInfo;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * A memory of what VirtualBox last said (issue 12), so that one virsh command's several calls
 * and a {@code list --all} or dominfo over many machines do not each launch VBoxManage. What was
 * read is fresh for {@code ttl}; after that, up to {@code maxAge}, it is still trusted while its
 * file stamp is unchanged (a machine's settings file, VirtualBox.xml for the registered machines)
 * and the set of running machines, itself re-read at most once per {@code ttl}, has not changed
 * for it (for an offline machine without limit: only those two ways change it). Every change the
 * daemon makes drops what it touches. A pause or resume made behind the daemon's back touches
 * neither, so it shows once {@code maxAge} has passed. Time comes from an
 * injected ticker.
 */
final class MachineCache {
    private final Duration ttl;
    private final Duration maxAge;
    private final LongSupplier nanos;
    private List<Machines.Listed> list;
    private long listAt;
    private Registry registry;
    private Set<UUID> running;
    private long runningAt;
    private final Map<UUID, Entry> infos = new HashMap<>();

    /** One machine's settings as read at {@code at}, with its settings file's stamp then. */
    record Entry(MachineInfo info, long at, FileStamp stamp) {
    }

    /** {@code list vms} as read at {@code at}, with VirtualBox.xml's stamp then. */
    record Registry(List<MachineEntry> entries, long at, FileStamp stamp) {
    }

    MachineCache(Duration ttl, LongSupplier nanos) {
        this(ttl, ttl.multipliedBy(10), nanos);
    }

    MachineCache(Duration ttl, Duration maxAge, LongSupplier nanos) {
        this.ttl = ttl;
        this.maxAge = maxAge;
        this.nanos = nanos;
    }

    long now() {
        return nanos.getAsLong();
    }

    synchronized List<Machines.Listed> list() {
        return list != null && fresh(listAt) ? list : null;
    }

    synchronized void list(List<Machines.Listed> value) {
        list = List.copyOf(value);
        listAt = now();
    }

    /** The machine list read before, if younger than maxAge. */
    synchronized Registry registry() {
        return registry != null && recent(registry.at) ? registry : null;
    }

    synchronized void registry(Registry value) {
        registry = value;
    }

    /** The running machines read within ttl, or null. */
    synchronized Set<UUID> running() {
        return running != null && fresh(runningAt) ? running : null;
    }

    /** A new running set: machines that joined or left it are forgotten; returns the previous set. */
    synchronized Set<UUID> running(Set<UUID> value) {
        Set<UUID> before = running;
        if (before != null) {
            for (UUID u : before) {
                if (!value.contains(u)) {
                    forget(u);
                }
            }
            for (UUID u : value) {
                if (!before.contains(u)) {
                    forget(u);
                }
            }
        }
        running = Set.copyOf(value);
        runningAt = now();
        return before;
    }

    synchronized MachineInfo info(UUID uuid) {
        Entry e = infos.get(uuid);
        return e != null && fresh(e.at) ? e.info : null;
    }

    /**
     * The settings read before, for the caller to check against the settings file's stamp: of a
     * machine that was offline, whatever their age (such a machine changes only by rewriting its
     * settings file or by starting, which the running set shows); of an online one, if younger than
     * maxAge.
     */
    synchronized Entry recent(UUID uuid) {
        Entry e = infos.get(uuid);
        return e != null && (!e.info.state().online() || recent(e.at)) ? e : null;
    }

    synchronized void info(UUID uuid, MachineInfo info) {
        info(uuid, info, null);
    }

    synchronized void info(UUID uuid, MachineInfo info, FileStamp stamp) {
        infos.put(uuid, new Entry(info, now(), stamp));
    }

    /** A machine changed (or may have): forget its settings, the list (ids, names) and the running set. */
    synchronized void changed(UUID uuid) {
        forget(uuid);
        running = null;
        registry = null;
    }

    synchronized void clear() {
        infos.clear();
        list = null;
        running = null;
        registry = null;
    }

    private void forget(UUID uuid) {
        infos.remove(uuid);
        list = null;
    }

    private boolean fresh(long at) {
        return now() - at < ttl.toNanos();
    }

    private boolean recent(long at) {
        return now() - at < maxAge.toNanos();
    }
}
