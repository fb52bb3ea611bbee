package org.virtd.it.diff;

import java.util.List;

/** A named sequence of steps whose compared results must match on both daemons. */
record Scenario(String file, String name, boolean events, List<Step> steps) {

    /** {@code FILE:NAME}, the key of the allow-list and of the run filter. */
    String key() {
        return file + ":" + name;
    }
}
