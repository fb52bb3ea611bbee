package org.virtd.qemu.snapshot;

import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.DomainXmlFormatter;
import org.virtd.conf.state.DomainStates;
import org.virtd.qemu.blockjob.BlockJobManager;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.domain.DomainRegistry;
import org.virtd.qemu.lifecycle.SnapshotRuns;
import org.virtd.qemu.xml.XmlElements;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The snapshot operations of the QEMU driver (libvirt's qemu_snapshot.c): create internal
 * snapshots (qemu-img for a shut-off guest, savevm for a running one) and external ones (new
 * overlays, with the memory in a save image if asked), revert to internal ones (as libvirt 9.0,
 * a running target always restarts QEMU loading the state), delete them with or without their
 * descendants (external ones merged back by {@link ExternalMerge}), redefine metadata, and keep
 * each domain's tree and metadata files in step.
 * Callers hold the domain's lock for changes.
 */
public final class DomainSnapshots {
    public static final int CREATE_REDEFINE = 1;
    public static final int CREATE_CURRENT = 2;
    public static final int CREATE_NO_METADATA = 4;
    public static final int CREATE_HALT = 8;
    public static final int CREATE_DISK_ONLY = 16;
    public static final int CREATE_REUSE_EXT = 32;
    public static final int CREATE_QUIESCE = 64;
    public static final int CREATE_ATOMIC = 128;
    public static final int CREATE_LIVE = 256;
    public static final int CREATE_VALIDATE = 512;
    public static final int REVERT_RUNNING = 1;
    public static final int REVERT_PAUSED = 2;
    public static final int REVERT_FORCE = 4;
    public static final int REVERT_RESET_NVRAM = 8;
    public static final int DELETE_CHILDREN = 1;
    public static final int DELETE_METADATA_ONLY = 2;
    public static final int DELETE_CHILDREN_ONLY = 4;

    /** A stored domain XML back to a definition (parser plus the driver's defaults). */
    @FunctionalInterface
    public interface DefinitionParser {
        DomainDef parse(String xml) throws VirtException;
    }

    private final DomainRegistry registry;
    private final SnapshotRuns runs;
    private final SnapshotStore store;
    private final DefinitionParser parser;
    private final DomainXmlFormatter.Runtime runtime;
    private final LongSupplier nowSeconds;
    private final QemuImg qemuImg = new QemuImg("qemu-img");
    private final ConcurrentHashMap<UUID, SnapshotTree> trees = new ConcurrentHashMap<>();
    private final ExternalMerge merge;

    public DomainSnapshots(DomainRegistry registry, SnapshotRuns runs, BlockJobManager jobs, SnapshotStore store,
            DefinitionParser parser, DomainXmlFormatter.Runtime runtime, LongSupplier nowSeconds) {
        this.merge = new ExternalMerge(runs, jobs, registry, qemuImg);
        this.registry = registry;
        this.runs = runs;
        this.store = store;
        this.parser = parser;
        this.runtime = runtime;
        this.nowSeconds = nowSeconds;
    }

    /** Start-up: every known domain's metadata files, so counts and list filters are right at once. */
    public void loadAll() {
        for (DomainObject dom : registry.all()) {
            tree(dom);
        }
    }

    /** The tree of {@code dom}, read from its metadata files on first use. */
    public SnapshotTree tree(DomainObject dom) {
        return trees.computeIfAbsent(dom.uuid(), u -> {
            SnapshotTree t = new SnapshotTree();
            for (SnapshotStore.Loaded l : store.load(dom.name())) {
                t.put(l.def());
                if (l.current()) {
                    t.current(l.def().name());
                }
            }
            dom.setSnapshotCount(t.size());
            return t;
        });
    }

    public SnapshotDef find(DomainObject dom, String name) throws VirtException {
        SnapshotDef d = tree(dom).get(name);
        if (d == null) {
            throw new VirtException(ErrorCode.NO_DOMAIN_SNAPSHOT, ErrorDomain.QEMU,
                    "no domain snapshot with matching name '" + name + "'");
        }
        return d;
    }

    // ---- create ----

    public SnapshotDef create(DomainObject dom, String xml, int flags) throws VirtException {
        SnapshotXml.Parsed p = SnapshotXml.parse(xml);
        if ((flags & CREATE_REDEFINE) != 0) {
            return redefine(dom, p, flags);
        }
        if ((flags & CREATE_CURRENT) != 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "current flag requires redefine flag");
        }
        boolean active = dom.isActive();
        boolean diskOnly = (flags & CREATE_DISK_ONLY) != 0;
        if ((flags & CREATE_LIVE) != 0 && (!active || diskOnly)) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "live snapshot creation is supported only during full system snapshots");
        }
        boolean memoryExternal = SnapshotDef.EXTERNAL.equals(p.memory());
        if (memoryExternal && p.memoryFile() == null) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN_SNAPSHOT,
                    "external memory snapshots require a filename");
        }
        if ((!active || diskOnly) && (SnapshotDef.INTERNAL.equals(p.memory()) || memoryExternal)) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN_SNAPSHOT,
                    "memory state cannot be saved with offline or disk-only snapshot");
        }
        checkDiskModes(p, diskOnly);
        String name = p.name() != null && !p.name().isEmpty() ? p.name() : Long.toString(nowSeconds.getAsLong());
        checkName(name);
        SnapshotTree tree = tree(dom);
        if (tree.get(name) != null) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN,
                    "domain moment " + name + " already exists");
        }
        long created = nowSeconds.getAsLong();
        if (memoryExternal || diskOnly || p.disks().stream().anyMatch(SnapshotDef.Disk::external)) {
            return external(dom, p, name, created, flags, memoryExternal ? p.memoryFile() : null);
        }
        DomainDef def = active ? runs.startDef(dom) : dom.def();
        List<SnapshotDef.Disk> disks = internalDisks(def, p.disks());
        if (!active && disks.stream().noneMatch(d -> SnapshotDef.INTERNAL.equals(d.snapshot()))) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, "nothing selected for snapshot");
        }
        String state;
        String memory;
        String domainXml;
        String inactiveXml = null;
        String cookie = null;
        if (active) {
            state = dom.state() == DomainStates.PAUSED ? "paused" : "running";
            memory = SnapshotDef.INTERNAL;
            domainXml = withChainEnds(DomainXmlFormatter.format(unnumbered(def),
                    new DomainXmlFormatter.Options(-1, true, runtime)));
            if (dom.isPersistent()) {
                inactiveXml = DomainXmlFormatter.format(dom.def(), DomainXmlFormatter.Options.PERSISTENT);
            }
            cookie = cookie(runs.liveXml(dom));
        } else {
            state = "shutoff";
            memory = SnapshotDef.NO;
            domainXml = DomainXmlFormatter.format(def, DomainXmlFormatter.Options.PERSISTENT);
        }
        SnapshotDef snap = new SnapshotDef(name, p.description(), state, tree.current(), created, memory, null,
                disks, domainXml, inactiveXml, cookie);
        if (active) {
            runs.savevm(dom, name, (flags & CREATE_HALT) != 0);
        } else {
            for (SnapshotDef.Disk d : disks) {
                if (SnapshotDef.INTERNAL.equals(d.snapshot())) {
                    qemuImg.run("snapshot", "-c", name, sourceOf(def, d.name()));
                }
            }
        }
        if ((flags & CREATE_NO_METADATA) == 0) {
            String old = tree.current();
            tree.put(snap);
            tree.current(name);
            store.save(dom.name(), snap, true);
            rewrite(dom, tree, old);
            dom.setSnapshotCount(tree.size());
        }
        if ((flags & CREATE_HALT) != 0 && active) {
            runs.stop(dom);
        }
        return snap;
    }

    /**
     * Memory and disks go to one kind of place: unless disk-only or with external memory, every
     * disk stays internal; external memory does not mix with internal disks.
     */
    private static void checkDiskModes(SnapshotXml.Parsed p, boolean diskOnly) throws VirtException {
        for (SnapshotDef.Disk d : p.disks()) {
            if (!diskOnly && !SnapshotDef.EXTERNAL.equals(p.memory()) && d.external()) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN_SNAPSHOT,
                        "disk '" + d.name() + "' must use snapshot mode 'internal'");
            }
            if (SnapshotDef.EXTERNAL.equals(p.memory()) && SnapshotDef.INTERNAL.equals(d.snapshot())) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                        "mixing internal and external targets for a snapshot is not yet supported");
            }
        }
    }

    private static void checkName(String name) throws VirtException {
        if (name.contains("/")) {
            throw new VirtException(ErrorCode.XML_DETAIL, ErrorDomain.QEMU,
                    "invalid snapshot name '" + name + "': name can't contain '/'");
        }
    }

    /**
     * A disk-only snapshot: each writable disk gets a new qcow2 overlay over its current image
     * (named as libvirt names them unless the XML gives a file); a running guest switches to the
     * overlays at once, and the persistent definition starts from them from now on.
     */
    private SnapshotDef external(DomainObject dom, SnapshotXml.Parsed p, String name, long created, int flags,
            String memoryFile) throws VirtException {
        boolean active = dom.isActive();
        DomainDef current = active ? runs.live(dom) : dom.def();
        List<SnapshotDef.Disk> disks = new ArrayList<>();
        List<SnapshotRuns.Overlay> overlays = new ArrayList<>();
        for (Devices.DiskDef disk : current.devices() == null ? List.<Devices.DiskDef>of() : current.devices().disks()) {
            SnapshotDef.Disk asked = p.disks().stream().filter(a -> a.name().equals(disk.targetDev())).findFirst()
                    .orElse(null);
            if (disk.readonly() || disk.source() == null || "cdrom".equals(disk.device())
                    || (asked != null && SnapshotDef.NO.equals(asked.snapshot()))) {
                disks.add(new SnapshotDef.Disk(disk.targetDev(), SnapshotDef.NO, null, null, null));
                continue;
            }
            String file = asked != null && asked.source() != null ? asked.source() : overlayName(disk.source(), name);
            if (java.nio.file.Files.exists(java.nio.file.Path.of(file)) && (flags & CREATE_REUSE_EXT) == 0) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                        "external snapshot file for disk " + disk.targetDev()
                                + " already exists and is not a block device: " + file);
            }
            disks.add(new SnapshotDef.Disk(disk.targetDev(), SnapshotDef.EXTERNAL, "file", "qcow2", file));
            overlays.add(new SnapshotRuns.Overlay(disk.targetDev(), file));
        }
        if (overlays.isEmpty()) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU, "nothing selected for snapshot");
        }
        String domainXml;
        String inactiveXml = null;
        String cookie = null;
        if (active) {
            domainXml = withChainEnds(DomainXmlFormatter.format(unnumbered(withLiveChains(runs.startDef(dom),
                    current)), new DomainXmlFormatter.Options(-1, true, runtime)));
            if (dom.isPersistent()) {
                inactiveXml = DomainXmlFormatter.format(dom.def(), DomainXmlFormatter.Options.PERSISTENT);
            }
        } else {
            domainXml = DomainXmlFormatter.format(dom.def(), DomainXmlFormatter.Options.PERSISTENT);
        }
        String state = active ? "disk-snapshot" : "shutoff";
        if (memoryFile != null) {
            state = dom.state() == DomainStates.PAUSED ? "paused" : "running";
            cookie = cookie(runs.liveXml(dom));
        }
        boolean resume = memoryFile != null && runs.saveMemory(dom, java.nio.file.Path.of(memoryFile));
        List<String> made = new ArrayList<>();
        if (memoryFile != null) {
            made.add(memoryFile);
        }
        try {
            for (SnapshotRuns.Overlay o : overlays) {
                Devices.DiskDef disk = diskOf(current, o.target());
                if ((flags & CREATE_REUSE_EXT) == 0) {
                    String format = disk.driverType() == null ? "raw" : disk.driverType();
                    qemuImg.run("create", "-q", "-f", "qcow2", "-F", format, "-b", disk.source(), "-u", o.file(),
                            Long.toString(qemuImg.virtualSize(disk.source())));
                    made.add(o.file());
                    java.nio.file.Files.setPosixFilePermissions(java.nio.file.Path.of(o.file()),
                            java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                }
            }
            if (active) {
                runs.diskSnapshot(dom, overlays);
            }
        } catch (VirtException | java.io.IOException | RuntimeException e) {
            if ((flags & CREATE_HALT) != 0 && active) {
            runs.stop(dom);
        } else {
            runs.resumeAfterSnapshot(dom, resume);
        }
            for (String f : made) {
                try {
                    java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(f));
                } catch (java.io.IOException ignored) {
                    // best effort: the snapshot failed either way
                }
            }
            if (e instanceof VirtException v) {
                throw v;
            }
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, "cannot create overlay: " + e.getMessage());
        }
        if (dom.isPersistent()) {
            registry.saveConfig(dom, overlaidPersistent(dom.def(), overlays, current, active));
        }
        SnapshotTree tree = tree(dom);
        SnapshotDef snap = new SnapshotDef(name, p.description(), state, tree.current(), created,
                memoryFile != null ? SnapshotDef.EXTERNAL : SnapshotDef.NO, memoryFile, disks, domainXml, inactiveXml,
                cookie);
        if ((flags & CREATE_HALT) != 0 && active) {
            runs.stop(dom);
        } else {
            runs.resumeAfterSnapshot(dom, resume);
        }
        if ((flags & CREATE_NO_METADATA) == 0) {
            String old = tree.current();
            tree.put(snap);
            tree.current(name);
            store.save(dom.name(), snap, true);
            rewrite(dom, tree, old);
            dom.setSnapshotCount(tree.size());
        }
        return snap;
    }

    /**
     * The persistent disks that used the same images now start from the overlays; a shut-off
     * guest's overlay records the former image below it only when that had a known chain itself.
     */
    private static DomainDef overlaidPersistent(DomainDef def, List<SnapshotRuns.Overlay> overlays, DomainDef current,
            boolean active) {
        if (def.devices() == null) {
            return def;
        }
        List<Devices.DiskDef> disks = new ArrayList<>(def.devices().disks());
        for (SnapshotRuns.Overlay o : overlays) {
            Devices.DiskDef was = diskOf(current, o.target());
            for (int i = 0; i < disks.size(); i++) {
                Devices.DiskDef d = disks.get(i);
                if (o.target().equals(d.targetDev()) && was != null && was.source().equals(d.source())
                        && !active && d.backing().layers().isEmpty()) {
                    disks.set(i, SnapshotRuns.overlaid(d, o.file(), 0).withBacking(
                            org.virtd.conf.domain.BackingChain.UNKNOWN));
                } else if (o.target().equals(d.targetDev()) && was != null && was.source().equals(d.source())) {
                    disks.set(i, SnapshotRuns.overlaid(d, o.file(), 0).withBacking(new org.virtd.conf.domain.BackingChain(
                            List.of(new org.virtd.conf.domain.BackingChain.Layer(d.type() == null ? "file" : d.type(),
                                    d.driverType() == null ? "raw" : d.driverType(), d.source(), 0)), false)
                            .then(d.backing().unnumbered().layers(), d.backing().ends())));
                }
            }
        }
        return def.withDevices(def.devices().withDisks(disks));
    }

    private static Devices.DiskDef diskOf(DomainDef def, String target) {
        return def.devices() == null ? null : def.devices().disks().stream()
                .filter(d -> target.equals(d.targetDev())).findFirst().orElse(null);
    }

    /** {@code def} with each disk's image and chain as the run now uses them (after earlier overlays). */
    private static DomainDef withLiveChains(DomainDef def, DomainDef live) {
        if (def.devices() == null) {
            return def;
        }
        return def.withDevices(def.devices().withDisks(def.devices().disks().stream().map(d -> {
            Devices.DiskDef now = d.targetDev() == null ? null : diskOf(live, d.targetDev());
            return now == null || now.source() == null || now.source().equals(d.source()) ? d
                    : d.withSource(now.type(), now.driverType(), now.source(), 0, now.backing());
        }).toList()));
    }

    /** {@code def} without the image numbers of a run (a snapshot records the definition, not the run). */
    private static DomainDef unnumbered(DomainDef def) {
        if (def.devices() == null) {
            return def;
        }
        return def.withDevices(def.devices().withDisks(def.devices().disks().stream()
                .map(d -> d.withSourceIndex(0).withBacking(d.backing().unnumbered())).toList()));
    }

    /** libvirt's default overlay name: the image's name with its extension replaced by the snapshot's. */
    static String overlayName(String source, String snapshot) {
        int slash = source.lastIndexOf('/');
        int dot = source.lastIndexOf('.');
        return dot > slash ? source.substring(0, dot + 1) + snapshot : source + "." + snapshot;
    }

    /** The disks an internal snapshot covers: writable disks internal, read-only and empty ones not. */
    private static List<SnapshotDef.Disk> internalDisks(DomainDef def, List<SnapshotDef.Disk> asked)
            throws VirtException {
        List<SnapshotDef.Disk> out = new ArrayList<>();
        if (def.devices() == null) {
            return out;
        }
        for (Devices.DiskDef disk : def.devices().disks()) {
            String wanted = asked.stream().filter(a -> a.name().equals(disk.targetDev())).map(SnapshotDef.Disk::snapshot)
                    .findFirst().orElse(null);
            boolean skip = disk.readonly() || disk.source() == null || "cdrom".equals(disk.device())
                    || SnapshotDef.NO.equals(wanted);
            if (skip) {
                out.add(new SnapshotDef.Disk(disk.targetDev(), SnapshotDef.NO, null, null, null));
                continue;
            }
            String format = disk.driverType() == null ? "raw" : disk.driverType();
            if (!"qcow2".equals(format)) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                        "internal snapshot for disk " + disk.targetDev() + " unsupported for storage type " + format);
            }
            out.add(SnapshotDef.Disk.internal(disk.targetDev()));
        }
        return out;
    }

    private SnapshotDef redefine(DomainObject dom, SnapshotXml.Parsed p, int flags) throws VirtException {
        if (p.name() == null || p.name().isEmpty()) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN_SNAPSHOT,
                    "a redefined snapshot must have a name");
        }
        checkName(p.name());
        if (p.state() == null) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN_SNAPSHOT,
                    "missing state from existing snapshot");
        }
        SnapshotTree tree = tree(dom);
        if (p.parent() != null && tree.get(p.parent()) == null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "parent " + p.parent() + " for snapshot " + p.name() + " not found");
        }
        String domainXml = p.domain() == null ? null : reformat(p.domain());
        String inactiveXml = p.inactiveDomain() == null ? null : reformat(p.inactiveDomain());
        String cookie = p.cookie() == null ? null : XmlElements.block(
                "\n  " + SnapshotXml.serialize(p.cookie()).replace("<domain", "<cookie")
                        .replace("</domain>", "</cookie>") + "\n", "cookie");
        SnapshotDef snap = new SnapshotDef(p.name(), p.description(), p.state(), p.parent(), p.creationTime(),
                p.memory(), p.memoryFile(), p.disks(), domainXml, inactiveXml, cookie);
        tree.put(snap);
        boolean current = (flags & CREATE_CURRENT) != 0;
        if (current) {
            String old = tree.current();
            tree.current(snap.name());
            rewrite(dom, tree, old);
        }
        store.save(dom.name(), snap, current || snap.name().equals(tree.current()));
        dom.setSnapshotCount(tree.size());
        return snap;
    }

    /** The domain a moment of the running {@code dom} records now (checkpoints record it as snapshots do). */
    public String recordedRunningDomain(DomainObject dom) throws VirtException {
        return withChainEnds(DomainXmlFormatter.format(unnumbered(runs.startDef(dom)),
                new DomainXmlFormatter.Options(-1, true, runtime)));
    }

    /** A redefined moment's {@code <domain>} as it is recorded (parsed with the driver's defaults). */
    public String recordedDomain(org.w3c.dom.Element domain) throws VirtException {
        return reformat(domain);
    }

    private String reformat(org.w3c.dom.Element domain) throws VirtException {
        DomainDef def = parser.parse(SnapshotXml.serialize(domain));
        return DomainXmlFormatter.format(def, DomainXmlFormatter.Options.PERSISTENT);
    }

    // ---- revert ----

    public void revert(DomainObject dom, SnapshotDef snap, int flags) throws VirtException {
        if (snap.isExternal()) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "revert to external snapshot not supported yet");
        }
        if (snap.domainXml() == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                    "snapshot '" + snap.name() + "' lacks domain '" + dom.name() + "' rollback info");
        }
        DomainDef target = parser.parse(snap.domainXml());
        DomainDef persistent = snap.inactiveXml() != null ? parser.parse(snap.inactiveXml()) : target;
        if (dom.isActive()) {
            runs.stop(dom);
        }
        if (snap.isActive()) {
            boolean run = (flags & REVERT_RUNNING) != 0
                    || ((flags & REVERT_PAUSED) == 0 && "running".equals(snap.state()));
            runs.start(dom, target, snap.name(), run);
        } else {
            for (SnapshotDef.Disk d : snap.disks()) {
                if (SnapshotDef.INTERNAL.equals(d.snapshot())) {
                    qemuImg.run("snapshot", "-a", snap.name(), sourceOf(target, d.name()));
                }
            }
            if ((flags & (REVERT_RUNNING | REVERT_PAUSED)) != 0) {
                runs.start(dom, target, null, (flags & REVERT_RUNNING) != 0);
            }
        }
        if (dom.isPersistent()) {
            registry.saveConfig(dom, persistent);
            runs.defined(dom);
        }
        SnapshotTree tree = tree(dom);
        String old = tree.current();
        tree.current(snap.name());
        store.save(dom.name(), snap, true);
        rewrite(dom, tree, old);
    }

    // ---- delete ----

    public void delete(DomainObject dom, SnapshotDef snap, int flags) throws VirtException {
        SnapshotTree tree = tree(dom);
        List<SnapshotDef> doomed = new ArrayList<>();
        boolean withChildren = (flags & (DELETE_CHILDREN | DELETE_CHILDREN_ONLY)) != 0;
        if (withChildren) {
            doomed.addAll(tree.descendants(snap.name()));
        }
        if ((flags & DELETE_CHILDREN_ONLY) == 0) {
            doomed.add(snap);
        }
        if ((flags & DELETE_METADATA_ONLY) == 0 && doomed.stream().anyMatch(SnapshotDef::isExternal)) {
            if (withChildren) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                        "deletion of external children disk snapshots not supported");
            }
            SnapshotDef parent = snap.parent() == null ? null : tree.get(snap.parent());
            if (parent != null && !parent.isExternal()) {
                throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                        "deleting external snapshot that has internal snapshot as parent not supported");
            }
            for (ExternalMerge.Merged m : merge.merge(dom, merge.prepare(dom, snap))) {
                for (SnapshotDef child : tree.children(snap.name())) {
                    SnapshotDef moved = child.withDomains(ChildDisks.repointed(child.domainXml(), m),
                            ChildDisks.repointed(child.inactiveXml(), m));
                    tree.put(moved);
                    store.save(dom.name(), moved, moved.name().equals(tree.current()));
                }
            }
        }
        String current = tree.current();
        if (withChildren) {
            List<SnapshotDef> leavesFirst = new ArrayList<>(doomed);
            Collections.reverse(leavesFirst);
            for (SnapshotDef d : leavesFirst) {
                if (d != snap) {
                    discard(dom, tree, d, flags);
                }
            }
        }
        if ((flags & DELETE_CHILDREN_ONLY) != 0) {
            if (current != null && tree.get(current) == null) {
                tree.current(snap.name());
                store.save(dom.name(), snap, true);
            }
        } else {
            for (SnapshotDef child : tree.children(snap.name())) {
                SnapshotDef moved = child.withParent(snap.parent());
                tree.put(moved);
                store.save(dom.name(), moved, moved.name().equals(tree.current()));
            }
            discard(dom, tree, snap, flags);
            if (snap.name().equals(current) && snap.parent() != null) {
                SnapshotDef parent = tree.get(snap.parent());
                if (parent != null) {
                    tree.current(parent.name());
                    store.save(dom.name(), parent, true);
                }
            }
        }
        dom.setSnapshotCount(tree.size());
        if (tree.size() == 0) {
            store.dropDirectory(dom.name());
        }
    }

    private void discard(DomainObject dom, SnapshotTree tree, SnapshotDef d, int flags) throws VirtException {
        if ((flags & DELETE_METADATA_ONLY) == 0 && !d.isExternal()) {
            if (dom.isActive()) {
                runs.delvm(dom, d.name());
            } else {
                for (SnapshotDef.Disk disk : d.disks()) {
                    if (SnapshotDef.INTERNAL.equals(disk.snapshot())) {
                        String source = sourceOf(dom.def(), disk.name());
                        if (source != null) {
                            qemuImg.run("snapshot", "-d", d.name(), source);
                        }
                    }
                }
            }
        }
        store.delete(dom.name(), d.name());
        tree.remove(d.name());
    }

    /** Undefine: snapshot metadata refuses it unless {@code discard}, which removes the metadata. */
    public void beforeUndefine(DomainObject dom, boolean discard) throws VirtException {
        SnapshotTree tree = tree(dom);
        int n = tree.size();
        if (n == 0) {
            return;
        }
        if (!discard) {
            if (!dom.isActive()) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "cannot delete inactive domain with " + n + " snapshots");
            }
            return;
        }
        for (SnapshotDef d : tree.all()) {
            store.delete(dom.name(), d.name());
            tree.remove(d.name());
        }
        store.dropDirectory(dom.name());
        dom.setSnapshotCount(0);
        trees.remove(dom.uuid());
    }

    /** Rewrites the former current snapshot's file with {@code <active>0</active>}. */
    private void rewrite(DomainObject dom, SnapshotTree tree, String formerCurrent) throws VirtException {
        if (formerCurrent == null || formerCurrent.equals(tree.current())) {
            return;
        }
        SnapshotDef old = tree.get(formerCurrent);
        if (old != null) {
            store.save(dom.name(), old, false);
        }
    }

    private static String sourceOf(DomainDef def, String target) {
        if (def.devices() == null) {
            return null;
        }
        return def.devices().disks().stream().filter(d -> target.equals(d.targetDev())).map(Devices.DiskDef::source)
                .findFirst().orElse(null);
    }

    /** The save cookie: the CPU the guest really got (from the live XML) and the slirp helper note. */
    static String cookie(String liveXml) {
        StringBuilder sb = new StringBuilder("<cookie>\n");
        String cpu = XmlElements.block(liveXml, "cpu");
        if (cpu != null) {
            for (String line : cpu.strip().split("\n")) {
                sb.append("  ").append(line).append('\n');
            }
        }
        return sb.append("  <slirpHelper/>\n</cookie>\n").toString();
    }

    /**
     * A running guest's disks end their detected backing chain with an empty
     * {@code <backingStore/>} in the XML a snapshot records.
     */
    static String withChainEnds(String xml) {
        StringBuilder out = new StringBuilder();
        boolean inDisk = false;
        String[] lines = xml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            out.append(line);
            if (i < lines.length - 1) {
                out.append('\n');
            }
            if (line.startsWith("    <disk ")) {
                inDisk = true;
            } else if (line.startsWith("    </disk>")) {
                inDisk = false;
            } else if (inDisk && line.startsWith("      <source ") && line.endsWith("/>")
                    && (i + 1 >= lines.length || !lines[i + 1].startsWith("      <backingStore"))) {
                out.append("      <backingStore/>\n");
            }
        }
        return out.toString();
    }
}
