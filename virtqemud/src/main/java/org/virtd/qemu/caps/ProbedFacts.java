package org.virtd.qemu.caps;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonBoolean;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.JsonString;
import org.virtd.qemu.qmp.JsonValue;

/**
 * What the probe learnt beyond the machine list, kept as the (trimmed) QMP answers so the cache
 * stores them verbatim: the non-abstract QOM types ({@code qom-list-types}), the command names
 * ({@code query-commands}), the display types of {@code query-display-options} in the QMP schema,
 * {@code query-tpm-types}, SEV and SGX capabilities, and per accelerator ({@code tcg}, {@code kvm})
 * the CPU model list ({@code query-cpu-definitions}) and the expansion of the accelerator's widest
 * CPU ({@code max} for TCG, {@code host} for KVM). Domain capabilities are derived from these.
 */
public record ProbedFacts(JsonObject json) {
    public static final ProbedFacts NONE = new ProbedFacts(JsonObject.EMPTY);

    public boolean hasType(String qomType) {
        return strings("qom-types").contains(qomType);
    }

    public boolean hasCommand(String command) {
        return strings("commands").contains(command);
    }

    public boolean hasDisplay(String type) {
        return strings("displays").contains(type);
    }

    public List<String> tpmTypes() {
        return strings("tpm-types");
    }

    /** QEMU's CPU models for {@code accel}, in QEMU's order. */
    public List<CpuModelInfo> cpuModels(String accel) {
        List<CpuModelInfo> out = new ArrayList<>();
        for (JsonObject o : json.array("cpu-models/" + accel).objects()) {
            List<String> blockers = new ArrayList<>();
            for (JsonValue v : o.array("unavailable-features").values()) {
                blockers.add(((JsonString) v).value());
            }
            out.add(new CpuModelInfo(o.string("name").orElseThrow(), o.string("alias-of", null), blockers,
                    o.bool("deprecated", false)));
        }
        return out;
    }

    /** The boolean and scalar properties of the accelerator's widest CPU, if it could be expanded. */
    public Optional<JsonObject> hostCpu(String accel) {
        JsonObject o = json.object("host-cpu/" + accel);
        return o.keys().isEmpty() ? Optional.empty() : Optional.of(o);
    }

    /** {@code query-sev-capabilities} when SEV is usable. */
    public Optional<JsonObject> sev() {
        JsonObject o = json.object("sev");
        return o.keys().isEmpty() ? Optional.empty() : Optional.of(o);
    }

    public Optional<JsonObject> sgx() {
        JsonObject o = json.object("sgx");
        return o.keys().isEmpty() ? Optional.empty() : Optional.of(o);
    }

    private List<String> strings(String key) {
        List<String> out = new ArrayList<>();
        for (JsonValue v : json.array(key).values()) {
            out.add(((JsonString) v).value());
        }
        return out;
    }

    static JsonArray stringArray(List<String> values) {
        List<JsonValue> out = new ArrayList<>();
        values.forEach(v -> out.add(new JsonString(v)));
        return new JsonArray(out);
    }

    static JsonValue bool(boolean b) {
        return JsonBoolean.of(b);
    }

    /** One {@code query-cpu-definitions} entry: name, the version it aliases, what blocks it, deprecation. */
    public record CpuModelInfo(String name, String aliasOf, List<String> blockers, boolean deprecated) {
        public CpuModelInfo {
            blockers = List.copyOf(blockers);
        }

        public boolean usable() {
            return blockers.isEmpty();
        }
    }
}
