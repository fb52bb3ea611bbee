package org.virtd.qemu.checkpoint;

import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.domain.DomainRegistry;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.qemu.lifecycle.SnapshotRuns;
import org.virtd.qemu.qmp.JsonValue;
import org.virtd.qemu.snapshot.DomainSnapshots;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The checkpoint operations of the QEMU driver (libvirt 9.0's qemu_checkpoint.c): create on a
 * running guest (a persistent bitmap on each chosen qcow2 disk, all in one transaction),
 * redefine metadata (checked against the bitmaps on request), the XML with dirty sizes, delete
 * with or without descendants or bitmaps, and each domain's tree kept in step with its metadata
 * files. Callers hold the domain's lock for changes.
 */
public final class DomainCheckpoints {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DomainCheckpoints.class);
    public static final int CREATE_REDEFINE = 1;
    public static final int CREATE_REDEFINE_VALIDATE = 4;
    public static final int XML_NO_DOMAIN = 2;
    public static final int XML_SIZE = 4;
    public static final int DELETE_CHILDREN = 1;
    public static final int DELETE_METADATA_ONLY = 2;
    public static final int DELETE_CHILDREN_ONLY = 4;

    private final DomainRegistry registry;
    private final SnapshotRuns runs;
    private final DomainSnapshots moments;
    private final CheckpointStore store;
    private final LongSupplier nowSeconds;
    private final ConcurrentHashMap<UUID, CheckpointTree> trees = new ConcurrentHashMap<>();

    public DomainCheckpoints(DomainRegistry registry, SnapshotRuns runs, DomainSnapshots moments,
            CheckpointStore store, LongSupplier nowSeconds) {
        this.registry = registry;
        this.runs = runs;
        this.moments = moments;
        this.store = store;
        this.nowSeconds = nowSeconds;
        registry.onTransientRemoved(this::discardAll);
    }

    /** Start-up: every known domain's metadata files, so list filters are right at once. */
    public void loadAll() {
        for (DomainObject dom : registry.all()) {
            tree(dom);
        }
    }

    CheckpointTree tree(DomainObject dom) {
        return trees.computeIfAbsent(dom.uuid(), u -> {
            CheckpointTree t = new CheckpointTree();
            List<CheckpointDef> loaded = store.load(dom.name());
            for (CheckpointDef d : loaded) {
                t.put(d);
            }
            List<CheckpointDef> leaves = t.all().stream().filter(d -> t.isLeaf(d.name())).toList();
            if (leaves.size() == 1) {
                t.current(leaves.get(0).name());
            }
            dom.setCheckpointCount(t.size());
            return t;
        });
    }

    public CheckpointDef find(DomainObject dom, String name) throws VirtException {
        CheckpointDef d = tree(dom).get(name);
        if (d == null) {
            throw new VirtException(ErrorCode.NO_DOMAIN_CHECKPOINT, ErrorDomain.QEMU,
                    "no domain checkpoint with matching name '" + name + "'");
        }
        return d;
    }

    // ---- queries ----

    /** Every checkpoint ({@code topological}: parents before children). */
    public List<CheckpointDef> all(DomainObject dom, boolean topological) {
        CheckpointTree t = tree(dom);
        return topological ? t.topological() : t.all();
    }

    public List<CheckpointDef> children(DomainObject dom, String name, boolean descendants) {
        CheckpointTree t = tree(dom);
        return descendants ? t.descendants(name) : t.children(name);
    }

    public boolean isLeaf(DomainObject dom, String name) {
        return tree(dom).isLeaf(name);
    }

    /** virDomainCheckpointGetXMLDesc: SIZE asks the running guest for each bitmap's dirty bytes. */
    public String xml(DomainObject dom, CheckpointDef c, int flags) throws VirtException {
        Map<String, Long> sizes = null;
        if ((flags & XML_SIZE) != 0) {
            RunningDomain rd = runs.running(dom);
            if (rd == null) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running");
            }
            sizes = sizes(rd, c);
        }
        return CheckpointXml.format(c, (flags & XML_NO_DOMAIN) == 0, sizes);
    }

    private static Map<String, Long> sizes(RunningDomain rd, CheckpointDef c) throws VirtException {
        Map<String, Map<String, Long>> counts = CheckpointBitmaps.counts(rd);
        Map<String, Long> out = new HashMap<>();
        for (CheckpointDef.Disk d : c.disks()) {
            DiskDef disk = diskOf(rd.live(), d.name());
            Long count = disk == null ? null : counts.getOrDefault(node(disk), Map.of()).get(d.bitmap());
            if (count != null) {
                out.put(d.name(), count);
            }
        }
        return out;
    }

    // ---- create ----

    public CheckpointDef create(DomainObject dom, String xml, int flags) throws VirtException {
        CheckpointXml.Parsed p = CheckpointXml.parse(xml);
        if ((flags & CREATE_REDEFINE) != 0) {
            return redefine(dom, p, flags);
        }
        RunningDomain rd = runs.running(dom);
        if (rd == null) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "cannot create checkpoint for inactive domain");
        }
        Prepared prepared = prepare(dom, rd, p);
        CheckpointBitmaps.transaction(rd, prepared.actions());
        record(dom, prepared.def());
        return prepared.def();
    }

    /** A checkpoint checked against the running guest whose bitmaps the {@code actions} add. */
    public record Prepared(CheckpointDef def, List<JsonValue> actions) {
    }

    /**
     * A new checkpoint of the running guest, checked but not made yet: a backup runs its actions
     * in its own transaction, then {@link #record}s it.
     */
    public Prepared prepare(DomainObject dom, RunningDomain rd, String xml) throws VirtException {
        return prepare(dom, rd, CheckpointXml.parse(xml));
    }

    private Prepared prepare(DomainObject dom, RunningDomain rd, CheckpointXml.Parsed p) throws VirtException {
        long created = nowSeconds.getAsLong();
        String name = p.name() != null ? p.name() : Long.toString(created);
        CheckpointTree tree = tree(dom);
        if (tree.get(name) != null) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.DOMAIN,
                    "domain moment " + name + " already exists");
        }
        DomainDef live = rd.live();
        List<CheckpointDef.Disk> disks = align(live, p.disks(), name);
        List<CheckpointBitmaps.On> bitmaps = new ArrayList<>();
        for (CheckpointDef.Disk d : disks) {
            if (d.hasBitmap()) {
                if (!name.equals(d.bitmap())) {
                    throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                            "bitmap for disk '" + d.name() + "' must match checkpoint name '" + name + "'");
                }
                DiskDef disk = diskOf(live, d.name());
                String format = disk.driverType() == null ? "raw" : disk.driverType();
                if (!"qcow2".equals(format)) {
                    throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                            "checkpoint for disk " + d.name() + " unsupported for storage type " + format);
                }
                bitmaps.add(new CheckpointBitmaps.On(node(disk), d.bitmap()));
            }
        }
        CheckpointDef def = new CheckpointDef(name, p.description(), tree.current(), created, disks,
                moments.recordedRunningDomain(dom));
        return new Prepared(def, CheckpointBitmaps.addActions(bitmaps));
    }

    /** Records a made checkpoint as the domain's current one and saves its metadata. */
    public void record(DomainObject dom, CheckpointDef def) throws VirtException {
        CheckpointTree tree = tree(dom);
        tree.put(def);
        tree.current(def.name());
        store.save(dom.name(), def);
        dom.setCheckpointCount(tree.size());
    }

    /** Every disk of the domain in its order: as asked, else a bitmap on writable disks with a source. */
    private static List<CheckpointDef.Disk> align(DomainDef def, List<CheckpointDef.Disk> asked, String name)
            throws VirtException {
        List<DiskDef> domainDisks = def.devices() == null ? List.of() : def.devices().disks();
        for (CheckpointDef.Disk a : asked) {
            if (domainDisks.stream().noneMatch(d -> d.targetDev().equals(a.name()))) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.DOMAIN_CHECKPOINT,
                        "no disk named '" + a.name() + "'");
            }
        }
        List<CheckpointDef.Disk> out = new ArrayList<>();
        for (DiskDef d : domainDisks) {
            CheckpointDef.Disk a = asked.stream().filter(x -> x.name().equals(d.targetDev())).findFirst().orElse(null);
            String kind = a != null && a.checkpoint() != null ? a.checkpoint()
                    : d.source() == null || d.readonly() || "cdrom".equals(d.device()) ? CheckpointDef.NO
                    : CheckpointDef.BITMAP;
            boolean bitmap = CheckpointDef.BITMAP.equals(kind);
            out.add(new CheckpointDef.Disk(d.targetDev(), kind,
                    bitmap ? (a != null && a.bitmap() != null ? a.bitmap() : name) : null));
        }
        return out;
    }

    private CheckpointDef redefine(DomainObject dom, CheckpointXml.Parsed p, int flags) throws VirtException {
        if (p.name() == null) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.DOMAIN_CHECKPOINT,
                    "a redefined checkpoint must have a name");
        }
        if (p.creationTime() == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN_CHECKPOINT,
                    "missing creationTime from existing checkpoint");
        }
        CheckpointTree tree = tree(dom);
        if (p.parent() != null && tree.get(p.parent()) == null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    "parent " + p.parent() + " for moment " + p.name() + " not found");
        }
        List<CheckpointDef.Disk> disks = new ArrayList<>();
        for (CheckpointDef.Disk d : p.disks()) {
            String kind = d.checkpoint() == null ? CheckpointDef.BITMAP : d.checkpoint();
            boolean bitmap = CheckpointDef.BITMAP.equals(kind);
            disks.add(new CheckpointDef.Disk(d.name(), kind, bitmap ? (d.bitmap() != null ? d.bitmap() : p.name())
                    : null));
        }
        CheckpointDef def = new CheckpointDef(p.name(), p.description(), p.parent(), p.creationTime(), disks,
                p.domain() == null ? null : moments.recordedDomain(p.domain()));
        if ((flags & CREATE_REDEFINE_VALIDATE) != 0) {
            validate(dom, def);
        }
        boolean current = tree.size() == 0 || (p.parent() != null && p.parent().equals(tree.current()));
        tree.put(def);
        if (current) {
            tree.current(def.name());
        }
        store.save(dom.name(), def);
        dom.setCheckpointCount(tree.size());
        return def;
    }

    /** REDEFINE_VALIDATE: the guest runs and every disk of the checkpoint holds its bitmap. */
    private void validate(DomainObject dom, CheckpointDef def) throws VirtException {
        RunningDomain rd = runs.running(dom);
        if (rd == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running");
        }
        Map<String, Map<String, Long>> counts = CheckpointBitmaps.counts(rd);
        for (CheckpointDef.Disk d : def.disks()) {
            DiskDef disk = d.hasBitmap() ? diskOf(rd.live(), d.name()) : null;
            if (d.hasBitmap() && (disk == null || !counts.getOrDefault(node(disk), Map.of()).containsKey(d.bitmap()))) {
                throw new VirtException(ErrorCode.CHECKPOINT_INCONSISTENT, ErrorDomain.QEMU,
                        "missing or broken bitmap '" + def.name() + "' for disk '" + d.name() + "'");
            }
        }
    }

    // ---- delete ----

    public void delete(DomainObject dom, CheckpointDef c, int flags) throws VirtException {
        boolean metadataOnly = (flags & DELETE_METADATA_ONLY) != 0;
        RunningDomain rd = runs.running(dom);
        if (!metadataOnly && rd == null) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "cannot delete checkpoint for inactive domain");
        }
        CheckpointTree tree = tree(dom);
        Set<CheckpointDef> gone = new LinkedHashSet<>();
        if ((flags & (DELETE_CHILDREN | DELETE_CHILDREN_ONLY)) != 0) {
            gone.addAll(tree.descendants(c.name()));
        }
        if ((flags & DELETE_CHILDREN_ONLY) == 0) {
            gone.add(c);
        }
        if (!metadataOnly) {
            removeBitmaps(rd, gone);
        }
        String current = tree.current();
        boolean currentGone = gone.stream().anyMatch(d -> d.name().equals(current));
        for (CheckpointDef d : gone) {
            store.delete(dom.name(), d.name());
            tree.remove(d.name());
        }
        if (gone.contains(c)) {
            for (CheckpointDef child : tree.children(c.name())) {
                CheckpointDef moved = child.withParent(c.parent());
                tree.put(moved);
                store.save(dom.name(), moved);
            }
        }
        if (currentGone) {
            tree.current(gone.contains(c) ? c.parent() : c.name());
        }
        dom.setCheckpointCount(tree.size());
    }

    private static void removeBitmaps(RunningDomain rd, Set<CheckpointDef> gone) throws VirtException {
        Map<String, Map<String, Long>> counts = CheckpointBitmaps.counts(rd);
        List<CheckpointBitmaps.On> bitmaps = new ArrayList<>();
        for (CheckpointDef d : gone) {
            for (CheckpointDef.Disk disk : d.disks()) {
                DiskDef live = disk.hasBitmap() ? diskOf(rd.live(), disk.name()) : null;
                if (live != null && counts.getOrDefault(node(live), Map.of()).containsKey(disk.bitmap())) {
                    bitmaps.add(new CheckpointBitmaps.On(node(live), disk.bitmap()));
                }
            }
        }
        CheckpointBitmaps.remove(rd, bitmaps);
    }

    // ---- undefine ----

    /**
     * Before an undefine: an inactive domain with checkpoints needs CHECKPOINTS_METADATA
     * ({@code discard}), which drops their metadata; an active one keeps them while it runs.
     */
    public void beforeUndefine(DomainObject dom, boolean discard) throws VirtException {
        CheckpointTree tree = tree(dom);
        int n = tree.size();
        if (dom.isActive()) {
            return;
        }
        if (n == 0) {
            // an empty directory left by checkpoints deleted one by one goes too, as with libvirtd
            store.dropDirectory(dom.name());
            return;
        }
        if (!discard) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                    "cannot delete inactive domain with " + n + " checkpoints");
        }
        discard(dom, tree);
    }

    /** A transient domain that stopped: its checkpoints' metadata goes (the bitmaps stay in the images). */
    private void discardAll(DomainObject dom) {
        try {
            discard(dom, tree(dom));
        } catch (VirtException e) {
            LOG.warn("cannot remove the checkpoint metadata of '{}': {}", dom.name(), e.getMessage());
        }
    }

    private void discard(DomainObject dom, CheckpointTree tree) throws VirtException {
        for (CheckpointDef d : tree.all()) {
            store.delete(dom.name(), d.name());
            tree.remove(d.name());
        }
        store.dropDirectory(dom.name());
        dom.setCheckpointCount(0);
        trees.remove(dom.uuid());
    }

    private static DiskDef diskOf(DomainDef def, String target) {
        if (def.devices() == null) {
            return null;
        }
        return def.devices().disks().stream().filter(d -> target.equals(d.targetDev())).findFirst().orElse(null);
    }

    /** The disk's top format node, where libvirt puts a checkpoint's bitmap. */
    private static String node(DiskDef disk) {
        return "libvirt-" + disk.sourceIndex() + "-format";
    }
}
