package org.virtd.qemu.blockjob;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.JsonValue;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.rpc.error.VirtException;

import java.util.ArrayList;
import java.util.List;

/**
 * Checkpoints' dirty bitmaps carried to the image a finished job leaves on top, as libvirt 9.0
 * does after an active commit (into the base) and a copy's pivot (into the copy): every bitmap
 * valid over the disk's chain is merged, from the layers the job removes, into a persistent
 * recording bitmap of that name on the new top (added when missing, with the topmost layer's
 * granularity), in one transaction. An incremental backup from such a checkpoint then still
 * finds its bitmap.
 */
final class ChainBitmaps {
    private static final Logger LOG = LoggerFactory.getLogger(ChainBitmaps.class);

    private ChainBitmaps() {
    }

    /**
     * Merges the bitmaps of {@code removed} (top first, part of {@code chain}) into
     * {@code targetNode}; failures are logged, as libvirt goes on with the job's end.
     */
    static void carry(QmpClient mon, List<DiskImages.Image> chain, List<DiskImages.Image> removed,
                      String targetNode) {
        if (removed.isEmpty()) {
            return;
        }
        try {
            NodeBitmaps bitmaps = NodeBitmaps.query(mon);
            List<JsonValue> actions = new ArrayList<>();
            for (String name : bitmaps.names(removed.get(0).formatNode())) {
                if (!bitmaps.chainValid(chain, name)) {
                    continue;
                }
                List<JsonValue> sources = new ArrayList<>();
                long granularity = 0;
                for (DiskImages.Image i : removed) {
                    JsonObject b = bitmaps.get(i.formatNode(), name);
                    if (b != null) {
                        granularity = granularity == 0 ? b.number("granularity", 0) : granularity;
                        sources.add(JsonObject.of("node", i.formatNode(), "name", name));
                    }
                }
                if (bitmaps.get(targetNode, name) == null) {
                    JsonObject add = JsonObject.of("node", targetNode, "name", name, "persistent", true,
                            "disabled", false);
                    actions.add(JsonObject.of("type", "block-dirty-bitmap-add", "data",
                            granularity > 0 ? add.with("granularity", granularity) : add));
                }
                actions.add(JsonObject.of("type", "block-dirty-bitmap-merge", "data",
                        JsonObject.of("node", targetNode, "target", name, "bitmaps", new JsonArray(sources))));
            }
            if (!actions.isEmpty()) {
                mon.execute("transaction", JsonObject.of("actions", new JsonArray(actions)));
            }
        } catch (VirtException e) {
            LOG.warn("cannot carry the dirty bitmaps to {}: {}", targetNode, e.getMessage());
        }
    }
}
