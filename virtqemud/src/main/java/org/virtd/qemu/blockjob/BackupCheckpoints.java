package org.virtd.qemu.blockjob;

import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.qemu.qmp.JsonValue;
import org.virtd.rpc.error.VirtException;

import java.util.List;

/**
 * What a backup needs of the domain's checkpoints: whether the one an incremental backup starts
 * from exists, and a new checkpoint made in the same QMP transaction as the backup's jobs
 * (virDomainBackupBegin's checkpoint XML). Kept as an interface so block jobs do not depend on
 * the checkpoint package.
 */
public interface BackupCheckpoints {
    boolean exists(DomainObject dom, String name);

    /** Checks {@code xml} against the running guest and returns its pending creation. */
    Pending prepare(DomainObject dom, RunningDomain rd, String xml) throws VirtException;

    /** A checkpoint whose bitmaps the transaction adds; {@link #commit} records it once that ran. */
    interface Pending {
        String name();

        List<JsonValue> actions();

        void commit() throws VirtException;
    }
}
