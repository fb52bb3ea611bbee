package org.virtd.qemu.checkpoint;

import org.virtd.qemu.lifecycle.LiveGuests;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.JsonValue;
import org.virtd.rpc.error.VirtException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A running guest's persistent dirty bitmaps through QMP, each change as one {@code transaction}
 * (all or nothing, as libvirt does): add, remove, and what each node holds with its dirty count.
 */
final class CheckpointBitmaps {
    /** A bitmap on a block node. */
    record On(String node, String bitmap) {
    }

    private CheckpointBitmaps() {
    }

    static List<JsonValue> addActions(List<On> bitmaps) {
        List<JsonValue> actions = new ArrayList<>();
        for (On b : bitmaps) {
            actions.add(JsonObject.of("type", "block-dirty-bitmap-add",
                    "data", JsonObject.of("node", b.node(), "name", b.bitmap(), "persistent", true)));
        }
        return actions;
    }

    static void remove(RunningDomain rd, List<On> bitmaps) throws VirtException {
        List<JsonValue> actions = new ArrayList<>();
        for (On b : bitmaps) {
            actions.add(JsonObject.of("type", "block-dirty-bitmap-remove",
                    "data", JsonObject.of("node", b.node(), "name", b.bitmap())));
        }
        transaction(rd, actions);
    }

    /** Node name to its bitmaps' dirty byte counts. */
    static Map<String, Map<String, Long>> counts(RunningDomain rd) throws VirtException {
        Map<String, Map<String, Long>> out = new HashMap<>();
        JsonValue nodes = LiveGuests.monitor(rd).execute("query-named-block-nodes", JsonObject.of("flat", true));
        for (JsonObject n : ((JsonArray) nodes).objects()) {
            JsonArray bitmaps = n.array("dirty-bitmaps");
            if (bitmaps == null) {
                continue;
            }
            Map<String, Long> byName = out.computeIfAbsent(n.string("node-name", ""), k -> new HashMap<>());
            for (JsonObject b : bitmaps.objects()) {
                byName.put(b.string("name", ""), b.number("count", 0));
            }
        }
        return out;
    }

    static void transaction(RunningDomain rd, List<JsonValue> actions) throws VirtException {
        if (!actions.isEmpty()) {
            LiveGuests.monitor(rd).execute("transaction", JsonObject.of("actions", new JsonArray(actions)));
        }
    }
}
