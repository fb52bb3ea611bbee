package org.virtd.qemu.domcaps;

import java.util.ArrayList;
import java.util.List;

/** One {@code <enum name='…'>} of domain capabilities: its values in libvirt's order. */
record Enum(String name, List<String> values) {

    static Builder of(String name) {
        return new Builder(name);
    }

    static final class Builder {
        private final String name;
        private final List<String> values = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        Builder add(String value) {
            values.add(value);
            return this;
        }

        Builder addIf(boolean condition, String value) {
            if (condition) {
                values.add(value);
            }
            return this;
        }

        Enum build() {
            return new Enum(name, List.copyOf(values));
        }
    }
}
