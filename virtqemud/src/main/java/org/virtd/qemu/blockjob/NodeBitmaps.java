package org.virtd.qemu.blockjob;

import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.JsonValue;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.rpc.error.VirtException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dirty bitmaps QEMU holds on each block node (one {@code query-named-block-nodes}), and what
 * an incremental backup makes of a checkpoint's bitmap (libvirt 9.0's qemu_block.c): the chain is
 * valid when the bitmap starts on the top image, continues without gaps, and is recording,
 * persistent and consistent everywhere; the backup reads a temporary disabled bitmap into which
 * every layer's copy is merged.
 */
final class NodeBitmaps {
    private final Map<String, Map<String, JsonObject>> byNode;

    NodeBitmaps(Map<String, Map<String, JsonObject>> byNode) {
        this.byNode = byNode;
    }

    static NodeBitmaps query(QmpClient mon) throws VirtException {
        Map<String, Map<String, JsonObject>> out = new HashMap<>();
        JsonValue nodes = mon.execute("query-named-block-nodes", JsonObject.of("flat", true));
        for (JsonObject n : ((JsonArray) nodes).objects()) {
            JsonArray bitmaps = n.array("dirty-bitmaps");
            Map<String, JsonObject> byName = out.computeIfAbsent(n.string("node-name", ""), k -> new HashMap<>());
            if (bitmaps != null) {
                for (JsonObject b : bitmaps.objects()) {
                    byName.put(b.string("name", ""), b);
                }
            }
        }
        return new NodeBitmaps(out);
    }

    /** The names of the bitmaps on {@code node}. */
    List<String> names(String node) {
        return new ArrayList<>(byNode.getOrDefault(node, Map.of()).keySet());
    }

    JsonObject get(String node, String bitmap) {
        return byNode.getOrDefault(node, Map.of()).get(bitmap);
    }

    /** Whether {@code bitmap} covers the chain {@code images} (top first) as a checkpoint's must. */
    boolean chainValid(List<DiskImages.Image> images, String bitmap) {
        boolean found = false;
        boolean ended = false;
        for (DiskImages.Image image : images) {
            JsonObject b = get(image.formatNode(), bitmap);
            if (b == null) {
                if (!found) {
                    return false;
                }
                ended = true;
                continue;
            }
            if (ended || b.bool("inconsistent", false) || !b.bool("persistent", false)
                    || !b.bool("recording", false)) {
                return false;
            }
            found = true;
        }
        return found;
    }

    /**
     * The transaction actions that make {@code target} on {@code node}: a transient, disabled
     * bitmap holding every layer's {@code bitmap}, with the granularity of the topmost one.
     */
    List<JsonValue> mergeInto(List<DiskImages.Image> images, String bitmap, String node, String target) {
        List<JsonValue> sources = new ArrayList<>();
        long granularity = 0;
        for (DiskImages.Image image : images) {
            JsonObject b = get(image.formatNode(), bitmap);
            if (b != null) {
                if (granularity == 0) {
                    granularity = b.number("granularity", 0);
                }
                sources.add(JsonObject.of("node", image.formatNode(), "name", bitmap));
            }
        }
        JsonObject add = JsonObject.of("node", node, "name", target, "persistent", false, "disabled", true);
        if (granularity > 0) {
            add = add.with("granularity", granularity);
        }
        return List.of(JsonObject.of("type", "block-dirty-bitmap-add", "data", add),
                JsonObject.of("type", "block-dirty-bitmap-merge", "data",
                        JsonObject.of("node", node, "target", target, "bitmaps", new JsonArray(sources))));
    }
}
