package org.virtd.vbox.driver;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.vbox.manage.ExtraData;
import org.virtd.vbox.manage.FileStamp;
import org.virtd.vbox.manage.KeyValues;
import org.virtd.vbox.manage.MachineEntry;
import org.virtd.vbox.manage.MachineInfo;
import org.virtd.vbox.manage.MachineList;
import org.virtd.vbox.manage.MachineReadable;
import org.virtd.vbox.manage.ManageErrors;
import org.virtd.vbox.manage.Output;
import org.virtd.vbox.manage.SystemProperties;
import org.virtd.vbox.manage.VBoxManage;
import org.virtd.vbox.manage.VBoxVersion;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * VirtualBox's machines as libvirt's vbox driver sees them (vbox-driver.md §3): the
 * accessible machines of {@code list vms} in registration order, id = position + 1 while online
 * ({@code list runningvms}), else -1; a call's {@code D} argument found by UUID, a miss being
 * NO_DOMAIN naming what was asked. Changes to one machine run under its lock, so calls for one
 * machine are serialised and different machines proceed in parallel.
 */
final class Machines {
    static final Duration CACHE_TTL = Duration.ofSeconds(1);
    private static final Pattern AUDIO_CONTROLLER =
            Pattern.compile("(?m)^Audio:\\s+enabled \\(Driver: [^,]*, Controller: (\\w+)");
    private final VBoxManage manage;
    private final ConcurrentHashMap<UUID, ReentrantLock> locks = new ConcurrentHashMap<>();
    private KeyValues systemProperties;
    /** Shared by changes to machines, exclusive for the poll that compares the running set. */
    private final ReentrantReadWriteLock changes = new ReentrantReadWriteLock();

    private final MachineCache cache;
    private volatile VBoxVersion version;
    /** VirtualBox.xml of the VirtualBox this daemon talks to (null: list vms is never reused). */
    private final Path globalSettings;

    Machines(VBoxManage manage) {
        this(manage, new MachineCache(CACHE_TTL, System::nanoTime));
    }

    Machines(VBoxManage manage, MachineCache cache) {
        this.manage = manage;
        this.cache = cache;
        this.globalSettings = FileStamp.globalSettings(System.getenv("VBOX_USER_HOME"), System.getenv("HOME"));
    }

    /** The version VirtualBox answered at the last open; null before. */
    VBoxVersion version() {
        return version;
    }

    void version(VBoxVersion v) {
        version = v;
    }

    /** {@code getextradata VM enumerate}: the machine's extradata items. */
    Map<String, String> extraData(UUID uuid) throws VirtException {
        return ExtraData.parse(manage.call("getextradata", uuid.toString(), "enumerate").stdout());
    }

    /**
     * The audio controller (AC97, SB16, HDA) of a machine whose audio is enabled: 6.1 and 7.0
     * print it only in the human-readable {@code showvminfo}; null when it cannot be read.
     */
    String audioController(MachineInfo info) throws VirtException {
        String c = info.keys().get("audio_controller");
        if (c != null) {
            return c;
        }
        Matcher m = AUDIO_CONTROLLER.matcher(manage.call("showvminfo", info.uuid().toString()).stdout());
        return m.find() ? m.group(1) : null;
    }

    MachineCache cache() {
        return cache;
    }

    VBoxManage manage() {
        return manage;
    }

    /** One listed machine with its libvirt id (-1 when offline). */
    record Listed(String name, UUID uuid, int id) {
        boolean active() {
            return id > 0;
        }

        DomainRef ref() {
            return new DomainRef(name, DomainRef.uuidBytes(uuid), id);
        }
    }

    List<Listed> list() throws VirtException {
        List<Listed> cached = cache.list();
        if (cached != null) {
            return cached;
        }
        Set<UUID> running = running();
        List<MachineEntry> all = registered();
        List<Listed> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            MachineEntry e = all.get(i);
            if (e.accessible()) {
                out.add(new Listed(e.name(), e.uuid(), running.contains(e.uuid()) ? i + 1 : -1));
            }
        }
        cache.list(out);
        return out;
    }

    /** {@code list runningvms}, re-read at most once per cache TTL however many calls ask. */
    Set<UUID> running() throws VirtException {
        Set<UUID> cached = cache.running();
        if (cached != null) {
            return cached;
        }
        Set<UUID> running = new HashSet<>();
        for (MachineEntry e : MachineList.parse(manage.call("list", "runningvms").stdout())) {
            running.add(e.uuid());
        }
        cache.running(running);
        return running;
    }

    /** {@code list vms}, reused while VirtualBox.xml (the machine registry) is unchanged. */
    private List<MachineEntry> registered() throws VirtException {
        FileStamp stamp = FileStamp.of(globalSettings);
        MachineCache.Registry known = cache.registry();
        if (known != null && stamp != null && stamp.equals(known.stamp())) {
            return known.entries();
        }
        List<MachineEntry> all = MachineList.parse(manage.call("list", "vms").stdout());
        cache.registry(new MachineCache.Registry(all, cache.now(), stamp));
        return all;
    }

    Listed byName(String name) throws VirtException {
        for (Listed l : list()) {
            if (l.name().equals(name)) {
                return l;
            }
        }
        throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.VBOX, "no domain with matching name '" + name + "'");
    }

    Listed byUuid(UUID uuid) throws VirtException {
        for (Listed l : list()) {
            if (l.uuid().equals(uuid)) {
                return l;
            }
        }
        throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.VBOX, "no domain with matching uuid '" + uuid + "'");
    }

    Listed byId(int id) throws VirtException {
        if (id > 0) {
            for (Listed l : list()) {
                if (l.id() == id) {
                    return l;
                }
            }
        }
        throw new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.VBOX, "no domain with matching id " + id);
    }

    /** The settings of the machine a call names; NO_DOMAIN when it is gone or inaccessible. */
    MachineInfo info(DomainRef ref) throws VirtException {
        MachineInfo cached = cache.info(ref.javaUuid());
        if (cached != null) {
            return cached;
        }
        MachineCache.Entry known = cache.recent(ref.javaUuid());
        FileStamp stamp = known == null ? null : FileStamp.of(known.info().settingsFile());
        if (stamp != null && stamp.equals(known.stamp())) {
            running();
            if (cache.recent(ref.javaUuid()) == known) {
                return known.info();
            }
        }
        Output out = manage.run(List.of("showvminfo", ref.javaUuid().toString(), "--machinereadable"));
        MachineInfo info = out.ok() ? MachineInfo.of(MachineReadable.parse(out.stdout())) : null;
        if (info == null || !info.accessible()) {
            VirtException e = out.ok() ? null : ManageErrors.toException(out);
            if (e != null && e.code() != ErrorCode.NO_DOMAIN) {
                throw e;
            }
            throw notFound(ref);
        }
        cache.info(info.uuid(), info, stamp != null ? stamp : FileStamp.of(info.settingsFile()));
        return info;
    }

    /** The id of an online machine: its position in {@code list vms} + 1. */
    int idOf(UUID uuid) throws VirtException {
        for (Listed l : list()) {
            if (l.uuid().equals(uuid) && l.active()) {
                return l.id();
            }
        }
        List<MachineEntry> all = MachineList.parse(manage.call("list", "vms").stdout());
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).uuid().equals(uuid)) {
                return i + 1;
            }
        }
        return -1;
    }

    static VirtException notFound(DomainRef ref) {
        return new VirtException(ErrorCode.NO_DOMAIN, ErrorDomain.VBOX,
                "no domain with matching uuid '" + ref.javaUuid() + "' (" + ref.name() + ")");
    }

    /** Runs {@code action} holding the machine's lock. */
    <T> T locked(UUID uuid, Action<T> action) throws VirtException {
        ReentrantLock lock = locks.computeIfAbsent(uuid, u -> new ReentrantLock());
        changes.readLock().lock();
        lock.lock();
        cache.changed(uuid);
        try {
            return action.run();
        } finally {
            cache.changed(uuid);
            lock.unlock();
            changes.readLock().unlock();
        }
    }

    /** Runs {@code action} while no machine is being changed (the running-machine poll). */
    <T> T exclusive(Action<T> action) throws VirtException {
        changes.writeLock().lock();
        try {
            return action.run();
        } finally {
            changes.writeLock().unlock();
        }
    }

    @FunctionalInterface
    interface Action<T> {
        T run() throws VirtException;
    }

    /** {@code list systemproperties}, read once: VirtualBox's limits do not change while it runs. */
    synchronized KeyValues systemProperties() throws VirtException {
        if (systemProperties == null) {
            systemProperties = SystemProperties.parse(manage.call("list", "systemproperties").stdout());
        }
        return systemProperties;
    }
}
