package org.virtd.core.config;

import java.util.List;

/**
 * One value in a virConf file: a number, a string or a list of values (daemons.md §7). Numbers
 * remember whether they carried a minus sign, as virConf types them "signed" only then.
 */
public sealed interface ConfValue {

    /** A decimal number; {@code signed} is true when it was written with a leading '-'. */
    record Number(long value, boolean signed) implements ConfValue {
    }

    /** A quoted string, taken verbatim (virConf has no escapes). */
    record Text(String value) implements ConfValue {
    }

    /** A bracketed list; may be empty. */
    record Items(List<ConfValue> values) implements ConfValue {
        public Items {
            values = List.copyOf(values);
        }
    }
}
