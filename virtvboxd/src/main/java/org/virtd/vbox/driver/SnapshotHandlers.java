package org.virtd.vbox.driver;

import org.virtd.core.driver.HandlerTable;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.SnapshotRef;
import org.virtd.vbox.manage.MachineInfo;
import org.virtd.vbox.manage.SnapshotTimes;
import org.virtd.vbox.manage.SnapshotTree;
import org.virtd.vbox.manage.SnapshotTree.Snapshot;
import org.virtd.vbox.mapping.SnapshotXml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Domain snapshots over {@code VBoxManage snapshot} (vbox-driver.md §2): the calls of libvirt's
 * vbox driver table (create, XML, count, names, lookup, current, parent, is-current, has-metadata,
 * revert, delete). VirtualBox keeps the snapshots itself, so libvirt holds no metadata for them;
 * the list-all and children calls are not in that table and stay unsupported (virsh falls back).
 */
final class SnapshotHandlers {
    static final int CREATE_VALIDATE = 1 << 9;
    static final int XML_SECURE = 1;
    static final int LIST_ROOTS = 1;
    static final int LIST_METADATA = 2;
    static final int DELETE_CHILDREN = 1;
    static final int DELETE_CHILDREN_ONLY = 4;

    private final MachinesSource machines;
    private final LongSupplier nowSeconds;

    SnapshotHandlers(MachinesSource machines) {
        this(machines, () -> System.currentTimeMillis() / 1000);
    }

    SnapshotHandlers(MachinesSource machines, LongSupplier nowSeconds) {
        this.machines = machines;
        this.nowSeconds = nowSeconds;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_SNAPSHOT_CREATE_XML, (c, a) -> create(a.domain(), a.xml(), a.flags()));
        t.on(RemoteProgram.DOMAIN_SNAPSHOT_GET_XML_DESC, (c, a) -> xmlDesc(a.snapshot(), a.flags()));
        t.on(RemoteProgram.DOMAIN_SNAPSHOT_NUM, (c, a) -> names(a.domain(), a.flags(), "vboxDomainSnapshotNum").size());
        t.on(RemoteProgram.DOMAIN_SNAPSHOT_LIST_NAMES, (c, a) -> {
            List<String> all = names(a.domain(), a.flags(), "vboxDomainSnapshotListNames");
            return all.subList(0, Math.max(0, Math.min(a.maxNames(), all.size())));
        });
        t.on(RemoteProgram.DOMAIN_SNAPSHOT_LOOKUP_BY_NAME, (c, a) -> {
            Flags.check(a.flags(), 0, "vboxDomainSnapshotLookupByName");
            return new SnapshotRef(find(tree(a.domain()), a.name()).name(), a.domain());
        });
        t.on(RemoteProgram.DOMAIN_HAS_CURRENT_SNAPSHOT, (c, a) -> {
            Flags.check(a.flags(), 0, "vboxDomainHasCurrentSnapshot");
            return tree(a.domain()).current().isPresent() ? 1 : 0;
        });
        t.on(RemoteProgram.DOMAIN_SNAPSHOT_CURRENT, (c, a) -> {
            Flags.check(a.flags(), 0, "vboxDomainSnapshotCurrent");
            Snapshot s = tree(a.domain()).current().orElseThrow(() -> new VirtException(ErrorCode.NO_DOMAIN_SNAPSHOT,
                    ErrorDomain.VBOX, "the domain does not have a current snapshot"));
            return new SnapshotRef(s.name(), a.domain());
        });
        t.on(RemoteProgram.DOMAIN_SNAPSHOT_GET_PARENT, (c, a) -> {
            Flags.check(a.flags(), 0, "vboxDomainSnapshotGetParent");
            return new SnapshotRef(parent(a.snapshot()), a.snapshot().domain());
        });
        t.on(RemoteProgram.DOMAIN_SNAPSHOT_IS_CURRENT, (c, a) -> {
            Flags.check(a.flags(), 0, "vboxDomainSnapshotIsCurrent");
            SnapshotTree tree = tree(a.snapshot().domain());
            Snapshot s = find(tree, a.snapshot().name());
            return tree.current().map(cur -> cur.uuid().equals(s.uuid())).orElse(false) ? 1 : 0;
        });
        t.on(RemoteProgram.DOMAIN_SNAPSHOT_HAS_METADATA, (c, a) -> {
            Flags.check(a.flags(), 0, "vboxDomainSnapshotHasMetadata");
            find(tree(a.snapshot().domain()), a.snapshot().name());
            return 0;
        });
        t.on(RemoteProgram.DOMAIN_REVERT_TO_SNAPSHOT, (c, a) -> revert(a.snapshot(), a.flags()));
        t.on(RemoteProgram.DOMAIN_SNAPSHOT_DELETE, (c, a) -> delete(a.snapshot(), a.flags()));
    }

    SnapshotRef create(DomainRef dom, String xml, int flags) throws VirtException {
        Flags.check(flags, CREATE_VALIDATE, "vboxDomainSnapshotCreateXML");
        SnapshotXml.Request req = SnapshotXml.parse(xml, nowSeconds.getAsLong());
        Machines m = machines.get();
        return m.locked(dom.javaUuid(), () -> {
            MachineInfo info = m.info(dom);
            List<String> args = new ArrayList<>(List.of("snapshot", info.uuid().toString(), "take", req.name()));
            if (!req.description().isEmpty()) {
                args.add("--description");
                args.add(req.description());
            }
            m.manage().call(args.toArray(String[]::new));
            return new SnapshotRef(req.name(), dom);
        });
    }

    String xmlDesc(SnapshotRef ref, int flags) throws VirtException {
        Flags.check(flags, XML_SECURE, "vboxDomainSnapshotGetXMLDesc");
        MachineInfo info = machines.get().info(ref.domain());
        SnapshotTree tree = SnapshotTree.of(info.keys());
        Snapshot s = find(tree, ref.name());
        SnapshotTimes.Facts facts = SnapshotTimes.read(info.settingsFile())
                .getOrDefault(s.uuid(), new SnapshotTimes.Facts(0, false));
        String parent = s.parent() == null ? null : tree.byUuid(s.parent()).map(Snapshot::name).orElse(null);
        return SnapshotXml.format(new SnapshotXml.Described(s.name(), s.description(),
                facts.online() ? "running" : "shutoff", parent, facts.creationTime(), info.name(), info.uuid()));
    }

    /** Names in pre-order; VirtualBox's single tree has one root, and no snapshot has libvirt metadata. */
    List<String> names(DomainRef dom, int flags, String function) throws VirtException {
        Flags.check(flags, LIST_ROOTS | LIST_METADATA, function);
        SnapshotTree tree = tree(dom);
        List<String> out = new ArrayList<>();
        if ((flags & LIST_METADATA) != 0) {
            return out;
        }
        for (Snapshot s : tree.all()) {
            if ((flags & LIST_ROOTS) == 0 || s.parent() == null) {
                out.add(s.name());
            }
        }
        return out;
    }

    String parent(SnapshotRef ref) throws VirtException {
        SnapshotTree tree = tree(ref.domain());
        Snapshot s = find(tree, ref.name());
        VirtException none = new VirtException(ErrorCode.NO_DOMAIN_SNAPSHOT, ErrorDomain.VBOX,
                "snapshot '" + s.name() + "' does not have a parent");
        if (s.parent() == null) {
            throw none;
        }
        return tree.byUuid(s.parent()).map(Snapshot::name).orElseThrow(() -> none);
    }

    Void revert(SnapshotRef ref, int flags) throws VirtException {
        Flags.check(flags, 0, "vboxDomainRevertToSnapshot");
        Machines m = machines.get();
        return m.locked(ref.domain().javaUuid(), () -> {
            MachineInfo info = m.info(ref.domain());
            Snapshot s = find(SnapshotTree.of(info.keys()), ref.name());
            m.manage().call("snapshot", info.uuid().toString(), "restore", s.uuid().toString());
            return null;
        });
    }

    /** Deletes the snapshot, or with CHILDREN(_ONLY) its descendants first, leaves before parents. */
    Void delete(SnapshotRef ref, int flags) throws VirtException {
        Flags.check(flags, DELETE_CHILDREN | DELETE_CHILDREN_ONLY, "vboxDomainSnapshotDelete");
        Machines m = machines.get();
        return m.locked(ref.domain().javaUuid(), () -> {
            MachineInfo info = m.info(ref.domain());
            SnapshotTree tree = SnapshotTree.of(info.keys());
            Snapshot s = find(tree, ref.name());
            List<Snapshot> doomed = new ArrayList<>();
            if ((flags & (DELETE_CHILDREN | DELETE_CHILDREN_ONLY)) != 0) {
                doomed.addAll(tree.descendants(s));
                Collections.reverse(doomed);
            }
            if ((flags & DELETE_CHILDREN_ONLY) == 0) {
                doomed.add(s);
            }
            for (Snapshot d : doomed) {
                m.manage().call("snapshot", info.uuid().toString(), "delete", d.uuid().toString());
            }
            return null;
        });
    }

    private SnapshotTree tree(DomainRef dom) throws VirtException {
        return SnapshotTree.of(machines.get().info(dom).keys());
    }

    static Snapshot find(SnapshotTree tree, String name) throws VirtException {
        return tree.byName(name).orElseThrow(() -> new VirtException(ErrorCode.NO_DOMAIN_SNAPSHOT, ErrorDomain.VBOX,
                "no domain snapshot with matching name '" + name + "'"));
    }
}
