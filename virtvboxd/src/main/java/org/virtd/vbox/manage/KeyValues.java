package org.virtd.vbox.manage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code --machinereadable} document as its keys and unquoted values, in output order
 * (vbox-driver.md §6.2). Typed getters answer a default for an absent or odd value, because
 * VirtualBox versions add, drop and requote keys.
 */
public final class KeyValues {
    private final Map<String, String> values;

    KeyValues(Map<String, String> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String get(String key) {
        return values.get(key);
    }

    public String get(String key, String fallback) {
        return values.getOrDefault(key, fallback);
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** {@code "on"} (or true/yes/1) is true; absent or anything else false. */
    public boolean isOn(String key) {
        String v = values.get(key);
        return v != null && (v.equalsIgnoreCase("on") || v.equalsIgnoreCase("true") || v.equals("1")
                || v.equalsIgnoreCase("yes"));
    }

    /** A number printed quoted or not; {@code fallback} when absent or not a number. */
    public long number(String key, long fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    public Map<String, String> asMap() {
        return values;
    }

    public int size() {
        return values.size();
    }
}
