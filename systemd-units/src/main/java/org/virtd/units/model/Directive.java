package org.virtd.units.model;

import java.util.Objects;

/**
 * One {@code Key=value} line of a unit file. Keys repeat freely (systemd's list-valued settings
 * such as {@code After=} or {@code Also=}); the value is kept verbatim, quotes included.
 */
public record Directive(String key, String value) {

    public Directive {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (key.isEmpty() || !key.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
            throw new IllegalArgumentException("invalid directive key '" + key + "'");
        }
    }

    /** A copy with another value, same key. */
    public Directive withValue(String newValue) {
        return new Directive(key, newValue);
    }

    /** The line as it is written in a unit file. */
    public String line() {
        return key + "=" + value;
    }
}
