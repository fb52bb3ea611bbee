package org.virtd.qemu.driver;

import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.checkpoint.CheckpointDef;
import org.virtd.qemu.checkpoint.DomainCheckpoints;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.CheckpointList;
import org.virtd.rpc.remote.types.CheckpointRef;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The checkpoint calls of the QEMU driver (virsh checkpoint-*): create and redefine, XML, the
 * list queries with their filters, lookup, parent and delete, over {@link DomainCheckpoints}.
 * Flags are checked where libvirt checks them (some before the domain lookup, some after).
 */
final class CheckpointHandlers {
    private static final int CREATE_ALL = DomainCheckpoints.CREATE_REDEFINE | DomainCheckpoints.CREATE_REDEFINE_VALIDATE;
    private static final int XML_ALL = 7;
    private static final int DELETE_ALL = 7;
    private static final int LIST_ROOTS = 1;
    private static final int LIST_DESCENDANTS = 1;
    private static final int LIST_TOPOLOGICAL = 2;
    private static final int LIST_LEAVES = 4;
    private static final int LIST_NO_LEAVES = 8;
    private static final int LIST_ALL = 15;

    private final DomainLookup lookup;
    private final Supplier<DomainCheckpoints> checkpoints;

    CheckpointHandlers(DomainLookup lookup, Supplier<DomainCheckpoints> checkpoints) {
        this.lookup = lookup;
        this.checkpoints = checkpoints;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_CHECKPOINT_CREATE_XML, (c, a) -> {
            DomainObject dom = lookup.resolve(a.domain());
            DomainLookup.checkFlags(a.flags(), CREATE_ALL, "qemuCheckpointCreateXML");
            return DomainLookup.locked(dom, () -> ref(dom, checkpoints().create(dom, a.xml(), a.flags()).name()));
        });
        t.on(RemoteProgram.DOMAIN_CHECKPOINT_GET_XML_DESC, (c, a) -> {
            DomainObject dom = lookup.resolve(a.checkpoint().domain());
            DomainLookup.checkFlags(a.flags(), XML_ALL, "qemuCheckpointGetXMLDesc");
            CheckpointDef cp = checkpoints().find(dom, a.checkpoint().name());
            return checkpoints().xml(dom, cp, a.flags());
        });
        t.on(RemoteProgram.DOMAIN_LIST_ALL_CHECKPOINTS, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), LIST_ALL, "qemuDomainListAllCheckpoints");
            DomainObject dom = lookup.resolve(a.domain());
            List<CheckpointDef> all = checkpoints().all(dom, (a.flags() & LIST_TOPOLOGICAL) != 0);
            if ((a.flags() & LIST_ROOTS) != 0) {
                all = all.stream().filter(d -> d.parent() == null).toList();
            }
            return refs(dom, leaves(dom, all, a.flags()), a.needResults());
        });
        t.on(RemoteProgram.DOMAIN_CHECKPOINT_LIST_ALL_CHILDREN, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), LIST_ALL, "qemuDomainCheckpointListAllChildren");
            DomainObject dom = lookup.resolve(a.checkpoint().domain());
            CheckpointDef cp = checkpoints().find(dom, a.checkpoint().name());
            List<CheckpointDef> all = checkpoints().children(dom, cp.name(), (a.flags() & LIST_DESCENDANTS) != 0);
            return refs(dom, leaves(dom, all, a.flags()), a.needResults());
        });
        t.on(RemoteProgram.DOMAIN_CHECKPOINT_LOOKUP_BY_NAME, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainCheckpointLookupByName");
            DomainObject dom = lookup.resolve(a.domain());
            return ref(dom, checkpoints().find(dom, a.name()).name());
        });
        t.on(RemoteProgram.DOMAIN_CHECKPOINT_GET_PARENT, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainCheckpointGetParent");
            DomainObject dom = lookup.resolve(a.checkpoint().domain());
            CheckpointDef cp = checkpoints().find(dom, a.checkpoint().name());
            if (cp.parent() == null) {
                throw new VirtException(ErrorCode.NO_DOMAIN_CHECKPOINT, ErrorDomain.QEMU,
                        "checkpoint '" + cp.name() + "' does not have a parent");
            }
            return ref(dom, cp.parent());
        });
        t.on(RemoteProgram.DOMAIN_CHECKPOINT_DELETE, (c, a) -> {
            DomainObject dom = lookup.resolve(a.checkpoint().domain());
            DomainLookup.checkFlags(a.flags(), DELETE_ALL, "qemuCheckpointDelete");
            return DomainLookup.locked(dom, () -> {
                checkpoints().delete(dom, checkpoints().find(dom, a.checkpoint().name()), a.flags());
                return null;
            });
        });
    }

    /** The LEAVES / NO_LEAVES group: either bit keeps its kind, none keeps all. */
    private List<CheckpointDef> leaves(DomainObject dom, List<CheckpointDef> all, int flags) throws VirtException {
        int wanted = flags & (LIST_LEAVES | LIST_NO_LEAVES);
        if (wanted == 0) {
            return all;
        }
        DomainCheckpoints cps = checkpoints();
        return all.stream().filter(d -> (wanted & (cps.isLeaf(dom, d.name()) ? LIST_LEAVES : LIST_NO_LEAVES)) != 0)
                .toList();
    }

    private static CheckpointList refs(DomainObject dom, List<CheckpointDef> defs, int needResults) {
        List<CheckpointRef> out = new ArrayList<>();
        if (needResults != 0) {
            for (CheckpointDef d : defs) {
                out.add(ref(dom, d.name()));
            }
        }
        return new CheckpointList(out, defs.size());
    }

    private static CheckpointRef ref(DomainObject dom, String name) {
        return new CheckpointRef(name, dom.ref());
    }

    private DomainCheckpoints checkpoints() throws VirtException {
        DomainCheckpoints s = checkpoints.get();
        if (s == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "the QEMU driver is still starting");
        }
        return s;
    }
}
