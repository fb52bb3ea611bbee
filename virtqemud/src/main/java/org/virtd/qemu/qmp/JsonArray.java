package org.virtd.qemu.qmp;

import java.util.List;

/** A JSON array; the element list is an immutable copy. */
public record JsonArray(List<JsonValue> values) implements JsonValue {

    public JsonArray {
        values = List.copyOf(values);
    }

    public static JsonArray of(JsonValue... values) {
        return new JsonArray(List.of(values));
    }

    public int size() {
        return values.size();
    }

    public JsonValue get(int index) {
        return values.get(index);
    }

    /** The elements that are objects, in order (QMP lists of records). */
    public List<JsonObject> objects() {
        return values.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
    }

    @Override
    public void appendTo(StringBuilder out) {
        out.append('[');
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            values.get(i).appendTo(out);
        }
        out.append(']');
    }

    @Override
    public String toString() {
        return toJson();
    }
}
