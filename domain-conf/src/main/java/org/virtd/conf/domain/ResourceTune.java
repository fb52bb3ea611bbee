package org.virtd.conf.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <memtune>}, {@code <blkiotune>} and {@code <numatune>}: the memory limits, block I/O
 * weights and host memory nodes a driver enforces through cgroups (and QEMU's memory policy).
 * Immutable; null values are "not given".
 *
 * @param memory the three limits of {@code <memtune>}
 * @param blkio  {@code <blkiotune>}'s weight and per-device settings
 * @param numa   {@code <numatune>}; never null ({@link Numatune#NONE})
 */
public record ResourceTune(MemTune memory, BlkioTune blkio, Numatune numa) {
    public static final ResourceTune NONE = new ResourceTune(MemTune.NONE, BlkioTune.NONE);

    public ResourceTune {
        memory = memory == null ? MemTune.NONE : memory;
        blkio = blkio == null ? BlkioTune.NONE : blkio;
        numa = numa == null ? Numatune.NONE : numa;
    }

    /** Without {@code <numatune>}. */
    public ResourceTune(MemTune memory, BlkioTune blkio) {
        this(memory, blkio, Numatune.NONE);
    }

    public ResourceTune withMemory(MemTune m) {
        return new ResourceTune(m, blkio, numa);
    }

    public ResourceTune withBlkio(BlkioTune b) {
        return new ResourceTune(memory, b, numa);
    }

    public ResourceTune withNuma(Numatune n) {
        return new ResourceTune(memory, blkio, n);
    }

    /** {@code <hard_limit>}, {@code <soft_limit>}, {@code <swap_hard_limit>} in KiB; null = unlimited. */
    public record MemTune(Long hardLimitKiB, Long softLimitKiB, Long swapHardLimitKiB) {
        public static final MemTune NONE = new MemTune(null, null, null);

        public boolean isEmpty() {
            return hardLimitKiB == null && softLimitKiB == null && swapHardLimitKiB == null;
        }
    }

    /** {@code <weight>} (0 = not given) and the {@code <device>} entries, in the order given. */
    public record BlkioTune(int weight, List<Device> devices) {
        public static final BlkioTune NONE = new BlkioTune(0, List.of());

        public BlkioTune {
            devices = List.copyOf(devices);
        }

        public boolean isEmpty() {
            return weight == 0 && devices.isEmpty();
        }

        public BlkioTune withWeight(int w) {
            return new BlkioTune(w, devices);
        }

        /**
         * With {@code field} of each listed device's entry replaced (entries created as needed,
         * those left all-zero dropped), as a {@code device_*} parameter updates a definition.
         */
        public BlkioTune withDeviceValues(Device.Field field, List<Device> given) {
            List<Device> out = new ArrayList<>(devices);
            for (Device g : given) {
                int at = -1;
                for (int i = 0; i < out.size(); i++) {
                    if (out.get(i).path().equals(g.path())) {
                        at = i;
                    }
                }
                Device base = at < 0 ? new Device(g.path(), 0, 0, 0, 0, 0) : out.get(at);
                Device changed = base.with(field, g.value(field));
                if (at < 0) {
                    out.add(changed);
                } else {
                    out.set(at, changed);
                }
            }
            out.removeIf(Device::isEmpty);
            return new BlkioTune(weight, out);
        }
    }

    /** One {@code <device>}: its {@code <path>} and values, 0 = not given. */
    public record Device(String path, long weight, long readIops, long writeIops, long readBytes, long writeBytes) {

        /** The per-device values, named as the XML elements and the {@code device_*} parameters are. */
        public enum Field {
            WEIGHT("weight", "device_weight"), READ_IOPS("read_iops_sec", "device_read_iops_sec"),
            WRITE_IOPS("write_iops_sec", "device_write_iops_sec"), READ_BYTES("read_bytes_sec", "device_read_bytes_sec"),
            WRITE_BYTES("write_bytes_sec", "device_write_bytes_sec");

            public final String element;
            public final String param;

            Field(String element, String param) {
                this.element = element;
                this.param = param;
            }
        }

        public long value(Field f) {
            return switch (f) {
                case WEIGHT -> weight;
                case READ_IOPS -> readIops;
                case WRITE_IOPS -> writeIops;
                case READ_BYTES -> readBytes;
                case WRITE_BYTES -> writeBytes;
            };
        }

        public Device with(Field f, long v) {
            return new Device(path, f == Field.WEIGHT ? v : weight, f == Field.READ_IOPS ? v : readIops,
                    f == Field.WRITE_IOPS ? v : writeIops, f == Field.READ_BYTES ? v : readBytes,
                    f == Field.WRITE_BYTES ? v : writeBytes);
        }

        public boolean isEmpty() {
            return weight == 0 && readIops == 0 && writeIops == 0 && readBytes == 0 && writeBytes == 0;
        }
    }
}
