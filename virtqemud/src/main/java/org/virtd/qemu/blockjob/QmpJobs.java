package org.virtd.qemu.blockjob;

import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.rpc.error.VirtException;

/** QEMU's job lists: {@code query-jobs} (state and error) and {@code query-block-jobs} (progress). */
final class QmpJobs {
    private QmpJobs() {
    }

    /** The {@code query-jobs} entry of job {@code id}, null when QEMU does not know it. */
    static JsonObject find(QmpClient mon, String id) throws VirtException {
        for (JsonObject j : ((JsonArray) mon.execute("query-jobs", null)).objects()) {
            if (id.equals(j.string("id", null))) {
                return j;
            }
        }
        return null;
    }

    /** The {@code query-block-jobs} entry of job {@code id}, null when QEMU does not list it. */
    static JsonObject block(QmpClient mon, String id) throws VirtException {
        for (JsonObject j : ((JsonArray) mon.execute("query-block-jobs", null)).objects()) {
            if (id.equals(j.string("device", null))) {
                return j;
            }
        }
        return null;
    }
}
