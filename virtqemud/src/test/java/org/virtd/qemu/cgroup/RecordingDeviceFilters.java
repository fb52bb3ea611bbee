package org.virtd.qemu.cgroup;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Device filters kept in memory, for the fake cgroup trees: each directory's allowed rules in order. */
final class RecordingDeviceFilters implements DeviceFilters {
    final Map<Path, List<String>> allowed = new HashMap<>();

    @Override
    public boolean available(Path root) {
        return true;
    }

    @Override
    public DeviceFilter attach(Path dir) {
        allowed.put(dir, new ArrayList<>());
        return find(dir);
    }

    @Override
    public DeviceFilter find(Path dir) {
        List<String> rules = allowed.get(dir);
        if (rules == null) {
            return null;
        }
        return new DeviceFilter() {
            @Override
            public void allow(DeviceRule rule) {
                rules.add(rule.toString());
            }

            @Override
            public void deny(DeviceRule rule) {
                String node = rule.type() + " " + rule.toString().split(" ")[1] + " ";
                rules.removeIf(r -> r.startsWith(node));
            }

            @Override
            public void close() {
            }
        };
    }
}
