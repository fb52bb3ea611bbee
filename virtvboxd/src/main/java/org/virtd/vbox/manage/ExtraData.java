package org.virtd.vbox.manage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code getextradata VM enumerate}: one {@code Key: K, Value: V} line per item. A value may hold
 * newlines (a description or metadata element), so a line that does not start a new item
 * continues the value before it.
 */
public final class ExtraData {
    private static final String KEY = "Key: ";
    private static final String VALUE = ", Value: ";

    private ExtraData() {
    }

    public static Map<String, String> parse(String output) {
        Map<String, String> out = new LinkedHashMap<>();
        String key = null;
        StringBuilder value = null;
        for (String line : output.split("\n", -1)) {
            int sep = line.startsWith(KEY) ? line.indexOf(VALUE) : -1;
            if (sep > 0) {
                if (key != null) {
                    out.put(key, value.toString());
                }
                key = line.substring(KEY.length(), sep);
                value = new StringBuilder(line.substring(sep + VALUE.length()));
            } else if (key != null) {
                value.append('\n').append(line);
            }
        }
        if (key != null) {
            out.put(key, stripFinalNewline(value.toString()));
        }
        return out;
    }

    private static String stripFinalNewline(String v) {
        return v.endsWith("\n") ? v.substring(0, v.length() - 1) : v;
    }
}
