package org.virtd.qemu.qmp;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A JSON object with member order kept (QMP replies are echoed in QEMU's order). Immutable:
 * {@link #with} returns a copy. Typed getters return empty/defaults for a missing member and
 * throw {@link IllegalArgumentException} naming the member for a member of the wrong type.
 */
public final class JsonObject implements JsonValue {
    public static final JsonObject EMPTY = new JsonObject(Map.of());

    private final Map<String, JsonValue> members;

    public JsonObject(Map<String, JsonValue> members) {
        this.members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    /** {@code of("k1", v1, "k2", v2, …)}; values may be JsonValue, String, Long/Integer or Boolean. */
    public static JsonObject of(Object... keyValues) {
        if (keyValues.length % 2 != 0) {
            throw new IllegalArgumentException("odd number of key/value arguments: " + keyValues.length);
        }
        Map<String, JsonValue> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], wrap(keyValues[i + 1]));
        }
        return new JsonObject(m);
    }

    static JsonValue wrap(Object v) {
        if (v == null) {
            return JsonNull.NULL;
        } else if (v instanceof JsonValue j) {
            return j;
        } else if (v instanceof String s) {
            return new JsonString(s);
        } else if (v instanceof Long || v instanceof Integer) {
            return JsonNumber.of(((Number) v).longValue());
        } else if (v instanceof Boolean b) {
            return JsonBoolean.of(b);
        }
        throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
    }

    public JsonObject with(String key, Object value) {
        Map<String, JsonValue> m = new LinkedHashMap<>(members);
        m.put(key, wrap(value));
        return new JsonObject(m);
    }

    public Map<String, JsonValue> members() {
        return members;
    }

    public Set<String> keys() {
        return members.keySet();
    }

    public boolean has(String key) {
        return members.containsKey(key);
    }

    public JsonValue get(String key) {
        return members.get(key);
    }

    public Optional<String> string(String key) {
        return Optional.ofNullable(typed(key, JsonString.class)).map(JsonString::value);
    }

    public String string(String key, String fallback) {
        return string(key).orElse(fallback);
    }

    public long number(String key, long fallback) {
        JsonNumber n = typed(key, JsonNumber.class);
        return n == null ? fallback : n.longValue();
    }

    public boolean bool(String key, boolean fallback) {
        JsonBoolean b = typed(key, JsonBoolean.class);
        return b == null ? fallback : b.value();
    }

    public JsonObject object(String key) {
        JsonObject o = typed(key, JsonObject.class);
        return o == null ? EMPTY : o;
    }

    public JsonArray array(String key) {
        JsonArray a = typed(key, JsonArray.class);
        return a == null ? new JsonArray(java.util.List.of()) : a;
    }

    private <T extends JsonValue> T typed(String key, Class<T> type) {
        JsonValue v = members.get(key);
        if (v == null || v == JsonNull.NULL) {
            return null;
        }
        if (!type.isInstance(v)) {
            throw new IllegalArgumentException("member '" + key + "' is not a " + type.getSimpleName()
                    + ": " + v.toJson());
        }
        return type.cast(v);
    }

    @Override
    public void appendTo(StringBuilder out) {
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonValue> e : members.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            JsonString.quote(e.getKey(), out);
            out.append(':');
            e.getValue().appendTo(out);
        }
        out.append('}');
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JsonObject other && members.equals(other.members);
    }

    @Override
    public int hashCode() {
        return members.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
