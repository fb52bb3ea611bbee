package org.virtd.it.diff;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code allowed.tsv}: scenarios that may differ, each with its reason. "pending: issue N ..."
 * marks work not done yet. Every entry must name a scenario that exists.
 */
record AllowList(Map<String, String> reasons) {

    static AllowList read(Path file) throws IOException {
        Map<String, String> reasons = new LinkedHashMap<>();
        if (Files.exists(file)) {
            int no = 0;
            for (String line : Files.readAllLines(file)) {
                no++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] kv = line.split("\t+", 2);
                if (kv.length != 2 || kv[1].isBlank()) {
                    throw new IllegalArgumentException(file + ":" + no + ": expected FILE:SCENARIO<TAB>REASON");
                }
                reasons.put(kv[0].strip(), kv[1].strip());
            }
        }
        return new AllowList(Map.copyOf(reasons));
    }

    String reason(Scenario s) {
        return reasons.get(s.key());
    }

    static boolean pending(String reason) {
        return reason.startsWith("pending:");
    }
}
