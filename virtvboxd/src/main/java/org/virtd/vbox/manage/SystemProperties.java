package org.virtd.vbox.manage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parser of {@code list systemproperties}: {@code Label:   value} lines, the label as key and
 * the value's leading number or text as value ({@code Maximum guest CPU count:   64}).
 */
public final class SystemProperties {
    public static final String MAX_GUEST_CPUS = "Maximum guest CPU count";
    public static final String MAX_GUEST_RAM_MIB = "Maximum guest RAM size";

    private SystemProperties() {
    }

    public static KeyValues parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : text.split("\r?\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String value = line.substring(colon + 1).strip();
                int space = value.indexOf(' ');
                if (space > 0 && value.substring(0, space).chars().allMatch(Character::isDigit)) {
                    value = value.substring(0, space);
                }
                out.putIfAbsent(line.substring(0, colon).strip(), value);
            }
        }
        return new KeyValues(out);
    }
}
