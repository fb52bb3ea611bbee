package org.virtd.qemu.caps;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.JsonString;
import org.virtd.qemu.qmp.JsonValue;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.qemu.qmp.QmpException;
import org.virtd.rpc.error.VirtException;

/**
 * The QMP questions behind {@link ProbedFacts}, asked of a probe QEMU: device and command
 * inventory once, CPU facts once per accelerator. Commands QEMU refuses (SEV without KVM, a
 * model that cannot be expanded) leave their fact out rather than failing the probe.
 */
final class FactsQuery {
    private final QmpClient qmp;
    private final Duration timeout;

    FactsQuery(QmpClient qmp, Duration timeout) {
        this.qmp = qmp;
        this.timeout = timeout;
    }

    /** Everything that does not depend on the accelerator. */
    Map<String, JsonValue> inventory() throws VirtException {
        Map<String, JsonValue> out = new LinkedHashMap<>();
        List<String> types = new ArrayList<>();
        for (JsonObject t : list(optional("qom-list-types", JsonObject.of("abstract", false))).objects()) {
            types.add(t.string("name", ""));
        }
        out.put("qom-types", ProbedFacts.stringArray(types));
        List<String> commands = new ArrayList<>();
        for (JsonObject c : list(optional("query-commands", null)).objects()) {
            commands.add(c.string("name", ""));
        }
        out.put("commands", ProbedFacts.stringArray(commands));
        if (commands.contains("query-qmp-schema")) {
            out.put("displays", ProbedFacts.stringArray(displayTypes()));
        }
        if (commands.contains("query-tpm-types")) {
            out.put("tpm-types", strings(list(optional("query-tpm-types", null))));
        }
        optional("query-sev-capabilities", null).ifPresent(v -> out.put("sev", v));
        optional("query-sgx-capabilities", null).ifPresent(v -> out.put("sgx", v));
        return out;
    }

    /** CPU models and the widest CPU's expansion under the accelerator this QEMU runs with. */
    Map<String, JsonValue> cpu(String accel) throws VirtException {
        Map<String, JsonValue> out = new LinkedHashMap<>();
        List<JsonValue> models = new ArrayList<>();
        for (JsonObject d : list(optional("query-cpu-definitions", null)).objects()) {
            models.add(JsonObject.of("name", d.string("name", ""), "alias-of", d.string("alias-of", null),
                    "unavailable-features", d.array("unavailable-features"), "deprecated", d.bool("deprecated", false)));
        }
        out.put("cpu-models/" + accel, new JsonArray(models));
        hostCpu(accel.equals("kvm") ? "host" : "max").ifPresent(p -> out.put("host-cpu/" + accel, p));
        return out;
    }

    /**
     * The static expansion of {@code model}, expanded once more in full so every alias QEMU knows
     * for an enabled feature appears, as one flat property object.
     */
    private java.util.Optional<JsonObject> hostCpu(String model) throws VirtException {
        try {
            JsonObject st = ((JsonObject) qmp.execute("query-cpu-model-expansion",
                    JsonObject.of("type", "static", "model", JsonObject.of("name", model)), timeout)).object("model");
            JsonObject full = ((JsonObject) qmp.execute("query-cpu-model-expansion",
                    JsonObject.of("type", "full", "model", st), timeout)).object("model");
            return java.util.Optional.of(full.object("props"));
        } catch (QmpException e) {
            return java.util.Optional.empty();
        }
    }

    /** The display backends this binary was built with: the cases of query-display-options' union. */
    private List<String> displayTypes() throws VirtException {
        List<String> out = new ArrayList<>();
        Map<String, JsonObject> byName = new LinkedHashMap<>();
        for (JsonObject e : ((JsonArray) qmp.execute("query-qmp-schema", null, timeout)).objects()) {
            byName.put(e.string("name", ""), e);
        }
        JsonObject cmd = byName.get("query-display-options");
        if (cmd == null) {
            return out;
        }
        JsonObject ret = byName.getOrDefault(cmd.string("ret-type", ""), JsonObject.EMPTY);
        for (JsonObject v : ret.array("variants").objects()) {
            out.add(v.string("case", ""));
        }
        return out;
    }

    /** A command's answer, or nothing when this QEMU refuses or lacks it. */
    private java.util.Optional<JsonValue> optional(String command, JsonObject args) throws VirtException {
        try {
            return java.util.Optional.of(qmp.execute(command, args, timeout));
        } catch (QmpException e) {
            return java.util.Optional.empty();
        }
    }

    private static JsonArray list(java.util.Optional<JsonValue> v) {
        return v.filter(JsonArray.class::isInstance).map(JsonArray.class::cast).orElse(new JsonArray(List.of()));
    }

    private static JsonArray strings(JsonArray a) {
        List<JsonValue> out = new ArrayList<>();
        for (JsonValue v : a.values()) {
            out.add(v instanceof JsonString ? v : new JsonString(v.toString()));
        }
        return new JsonArray(out);
    }
}
