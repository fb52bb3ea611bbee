package org.virtd.qemu.driver;

import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.snapshot.DomainSnapshots;
import org.virtd.qemu.snapshot.SnapshotDef;
import org.virtd.qemu.snapshot.SnapshotFilter;
import org.virtd.qemu.snapshot.SnapshotTree;
import org.virtd.qemu.snapshot.SnapshotXml;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.SnapshotList;
import org.virtd.rpc.remote.types.SnapshotRef;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The snapshot calls of the QEMU driver (virsh snapshot-*): create, redefine, XML, the list and
 * tree queries with their filters, current snapshot, revert and delete, over
 * {@link DomainSnapshots}. Changes hold the domain's lock; queries read a copy of the tree.
 */
final class SnapshotHandlers {
    private static final int XML_SECURE = 1;
    private static final int CREATE_ALL = 0x3ff;
    private static final int REVERT_ALL = 0xf;
    private static final int DELETE_ALL = 0x7;

    private final DomainLookup lookup;
    private final Supplier<DomainSnapshots> snapshots;

    SnapshotHandlers(DomainLookup lookup, Supplier<DomainSnapshots> snapshots) {
        this.lookup = lookup;
        this.snapshots = snapshots;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_SNAPSHOT_CREATE_XML, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), CREATE_ALL, "qemuSnapshotCreateXML");
            DomainObject dom = lookup.resolve(a.domain());
            return DomainLookup.locked(dom, () -> ref(dom, snapshots().create(dom, a.xml(), a.flags()).name()));
        });
        t.on(RemoteProgram.DOMAIN_SNAPSHOT_GET_XML_DESC, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), XML_SECURE, "qemuDomainSnapshotGetXMLDesc");
            return SnapshotXml.format(find(a.snapshot()));
        });
        t.on(RemoteProgram.DOMAIN_SNAPSHOT_NUM, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), SnapshotFilter.ALL, "qemuDomainSnapshotNum");
            return listed(lookup.resolve(a.domain()), a.flags()).size();
        });
        t.on(RemoteProgram.DOMAIN_SNAPSHOT_LIST_NAMES, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), SnapshotFilter.ALL, "qemuDomainSnapshotListNames");
            return names(listed(lookup.resolve(a.domain()), a.flags()), a.maxNames());
        });
        t.on(RemoteProgram.DOMAIN_LIST_ALL_SNAPSHOTS, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), SnapshotFilter.ALL, "qemuDomainListAllSnapshots");
            DomainObject dom = lookup.resolve(a.domain());
            return refs(dom, listed(dom, a.flags()), a.needResults());
        });
        t.on(RemoteProgram.DOMAIN_SNAPSHOT_NUM_CHILDREN, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), SnapshotFilter.ALL, "qemuDomainSnapshotNumChildren");
            return children(a.snapshot(), a.flags()).size();
        });
        t.on(RemoteProgram.DOMAIN_SNAPSHOT_LIST_CHILDREN_NAMES, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), SnapshotFilter.ALL, "qemuDomainSnapshotListChildrenNames");
            return names(children(a.snapshot(), a.flags()), a.maxNames());
        });
        t.on(RemoteProgram.DOMAIN_SNAPSHOT_LIST_ALL_CHILDREN, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), SnapshotFilter.ALL, "qemuDomainSnapshotListAllChildren");
            DomainObject dom = lookup.resolve(a.snapshot().domain());
            return refs(dom, children(a.snapshot(), a.flags()), a.needResults());
        });
        t.on(RemoteProgram.DOMAIN_SNAPSHOT_LOOKUP_BY_NAME, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainSnapshotLookupByName");
            DomainObject dom = lookup.resolve(a.domain());
            return ref(dom, snapshots().find(dom, a.name()).name());
        });
        t.on(RemoteProgram.DOMAIN_HAS_CURRENT_SNAPSHOT, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainHasCurrentSnapshot");
            return snapshots().tree(lookup.resolve(a.domain())).current() != null ? 1 : 0;
        });
        t.on(RemoteProgram.DOMAIN_SNAPSHOT_CURRENT, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainSnapshotCurrent");
            DomainObject dom = lookup.resolve(a.domain());
            String current = snapshots().tree(dom).current();
            if (current == null) {
                throw new VirtException(ErrorCode.NO_DOMAIN_SNAPSHOT, ErrorDomain.QEMU,
                        "the domain does not have a current snapshot");
            }
            return ref(dom, current);
        });
        t.on(RemoteProgram.DOMAIN_SNAPSHOT_GET_PARENT, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainSnapshotGetParent");
            SnapshotDef s = find(a.snapshot());
            if (s.parent() == null) {
                throw new VirtException(ErrorCode.NO_DOMAIN_SNAPSHOT, ErrorDomain.QEMU,
                        "snapshot '" + s.name() + "' does not have a parent");
            }
            return ref(lookup.resolve(a.snapshot().domain()), s.parent());
        });
        t.on(RemoteProgram.DOMAIN_SNAPSHOT_IS_CURRENT, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainSnapshotIsCurrent");
            SnapshotDef s = find(a.snapshot());
            return s.name().equals(snapshots().tree(lookup.resolve(a.snapshot().domain())).current()) ? 1 : 0;
        });
        t.on(RemoteProgram.DOMAIN_SNAPSHOT_HAS_METADATA, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainSnapshotHasMetadata");
            find(a.snapshot());
            return 1;
        });
        t.on(RemoteProgram.DOMAIN_REVERT_TO_SNAPSHOT, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), REVERT_ALL, "qemuSnapshotRevert");
            DomainObject dom = lookup.resolve(a.snapshot().domain());
            return DomainLookup.locked(dom, () -> {
                snapshots().revert(dom, snapshots().find(dom, a.snapshot().name()), a.flags());
                return null;
            });
        });
        t.on(RemoteProgram.DOMAIN_SNAPSHOT_DELETE, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), DELETE_ALL, "qemuSnapshotDelete");
            DomainObject dom = lookup.resolve(a.snapshot().domain());
            return DomainLookup.locked(dom, () -> {
                snapshots().delete(dom, snapshots().find(dom, a.snapshot().name()), a.flags());
                return null;
            });
        });
    }

    private List<SnapshotDef> listed(DomainObject dom, int flags) throws VirtException {
        SnapshotTree tree = snapshots().tree(dom);
        List<SnapshotDef> all = (flags & SnapshotFilter.TOPOLOGICAL) != 0 ? tree.topological() : tree.all();
        if ((flags & SnapshotFilter.ROOTS) != 0) {
            all = all.stream().filter(d -> d.parent() == null).toList();
        }
        return SnapshotFilter.apply(tree, all, flags);
    }

    private List<SnapshotDef> children(SnapshotRef ref, int flags) throws VirtException {
        DomainObject dom = lookup.resolve(ref.domain());
        SnapshotTree tree = snapshots().tree(dom);
        SnapshotDef s = snapshots().find(dom, ref.name());
        List<SnapshotDef> all = (flags & SnapshotFilter.DESCENDANTS) != 0 ? tree.descendants(s.name())
                : tree.children(s.name());
        return SnapshotFilter.apply(tree, all, flags);
    }

    private SnapshotDef find(SnapshotRef ref) throws VirtException {
        return snapshots().find(lookup.resolve(ref.domain()), ref.name());
    }

    private static List<String> names(List<SnapshotDef> defs, int max) {
        return defs.stream().map(SnapshotDef::name).limit(Math.max(0, max)).toList();
    }

    private static SnapshotList refs(DomainObject dom, List<SnapshotDef> defs, int needResults) {
        List<SnapshotRef> out = new ArrayList<>();
        if (needResults != 0) {
            for (SnapshotDef d : defs) {
                out.add(ref(dom, d.name()));
            }
        }
        return new SnapshotList(out, defs.size());
    }

    private static SnapshotRef ref(DomainObject dom, String name) {
        DomainRef d = dom.ref();
        return new SnapshotRef(name, d);
    }

    private DomainSnapshots snapshots() throws VirtException {
        DomainSnapshots s = snapshots.get();
        if (s == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "the QEMU driver is still starting");
        }
        return s;
    }
}
