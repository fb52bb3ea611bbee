package org.virtd.qemu.driver;

import org.virtd.qemu.blockjob.BackupCheckpoints;
import org.virtd.qemu.checkpoint.DomainCheckpoints;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.qemu.qmp.JsonValue;
import org.virtd.rpc.error.VirtException;

import java.util.List;

/** The domain's checkpoints as a backup sees them: the driver joins the two packages. */
final class BackupCheckpointsAdapter implements BackupCheckpoints {
    private final DomainCheckpoints checkpoints;

    BackupCheckpointsAdapter(DomainCheckpoints checkpoints) {
        this.checkpoints = checkpoints;
    }

    @Override
    public boolean exists(DomainObject dom, String name) {
        return checkpoints.all(dom, false).stream().anyMatch(c -> c.name().equals(name));
    }

    @Override
    public Pending prepare(DomainObject dom, RunningDomain rd, String xml) throws VirtException {
        DomainCheckpoints.Prepared p = checkpoints.prepare(dom, rd, xml);
        return new Pending() {
            @Override
            public String name() {
                return p.def().name();
            }

            @Override
            public List<JsonValue> actions() {
                return p.actions();
            }

            @Override
            public void commit() throws VirtException {
                checkpoints.record(dom, p.def());
            }
        };
    }
}
