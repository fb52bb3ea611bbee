package org.virtd.qemu.lifecycle;

import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.rpc.error.VirtException;

import java.util.Map;
import java.util.TreeMap;

/** The host thread of each present vCPU, by vCPU number, from QEMU's {@code query-cpus-fast}. */
public final class VcpuThreads {
    private VcpuThreads() {
    }

    public static Map<Integer, Long> of(QmpClient monitor) throws VirtException {
        JsonArray cpus = (JsonArray) monitor.execute("query-cpus-fast", null);
        Map<Integer, Long> out = new TreeMap<>();
        for (JsonObject c : cpus.objects()) {
            out.put((int) c.number("cpu-index", -1), c.number("thread-id", 0));
        }
        return out;
    }
}
