package org.virtd.conf.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A disk's {@code <iotune>} throttling: byte and operation rates per second (total or read/write),
 * their bursts and burst lengths, the I/O size an operation counts as, and the group it shares
 * limits with. Zero means no limit; a limit not listed is zero.
 */
public record DiskIoTune(Map<String, Long> values, String groupName) {

    /** The numeric limits in libvirt's order (XML elements and typed parameters alike). */
    public static final List<String> NAMES = List.of("total_bytes_sec", "read_bytes_sec", "write_bytes_sec",
            "total_iops_sec", "read_iops_sec", "write_iops_sec", "total_bytes_sec_max", "read_bytes_sec_max",
            "write_bytes_sec_max", "total_iops_sec_max", "read_iops_sec_max", "write_iops_sec_max", "size_iops_sec",
            "total_bytes_sec_max_length", "read_bytes_sec_max_length", "write_bytes_sec_max_length",
            "total_iops_sec_max_length", "read_iops_sec_max_length", "write_iops_sec_max_length");
    /** The group name's place among them: after {@code size_iops_sec}. */
    public static final int GROUP_AFTER = NAMES.indexOf("size_iops_sec");
    public static final DiskIoTune NONE = new DiskIoTune(Map.of(), null);

    public DiskIoTune {
        Map<String, Long> kept = new LinkedHashMap<>();
        for (String n : NAMES) {
            long v = values.getOrDefault(n, 0L);
            if (v != 0) {
                kept.put(n, v);
            }
        }
        values = java.util.Collections.unmodifiableMap(kept);
    }

    public long get(String name) {
        return values.getOrDefault(name, 0L);
    }

    /** True when some limit is set; a group alone limits nothing (and is not written). */
    public boolean hasLimits() {
        return !values.isEmpty();
    }
}
