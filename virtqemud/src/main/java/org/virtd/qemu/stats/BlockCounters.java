package org.virtd.qemu.stats;

import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.rpc.error.VirtException;

import java.util.HashMap;
import java.util.Map;

/**
 * One disk's I/O counters from QEMU's {@code query-blockstats} (bytes, operations and total
 * nanoseconds of reads, writes and flushes, and the highest offset written).
 */
public record BlockCounters(long rdReq, long rdBytes, long rdTimes, long wrReq, long wrBytes, long wrTimes,
                            long flReq, long flTimes, long wrHighest) {
    public static final BlockCounters ZERO = new BlockCounters(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Counters by the node name of each disk's top (format) layer. */
    public static Map<String, BlockCounters> query(QmpClient monitor) throws VirtException {
        JsonArray devices = (JsonArray) monitor.execute("query-blockstats", null);
        Map<String, BlockCounters> out = new HashMap<>();
        for (JsonObject d : devices.objects()) {
            JsonObject s = d.object("stats");
            String node = d.string("node-name", null);
            if (s == null || node == null) {
                continue;
            }
            out.put(node, new BlockCounters(s.number("rd_operations", 0), s.number("rd_bytes", 0),
                    s.number("rd_total_time_ns", 0), s.number("wr_operations", 0), s.number("wr_bytes", 0),
                    s.number("wr_total_time_ns", 0), s.number("flush_operations", 0),
                    s.number("flush_total_time_ns", 0), s.number("wr_highest_offset", 0)));
        }
        return out;
    }

    public BlockCounters plus(BlockCounters o) {
        return new BlockCounters(rdReq + o.rdReq, rdBytes + o.rdBytes, rdTimes + o.rdTimes, wrReq + o.wrReq,
                wrBytes + o.wrBytes, wrTimes + o.wrTimes, flReq + o.flReq, flTimes + o.flTimes,
                Math.max(wrHighest, o.wrHighest));
    }
}
