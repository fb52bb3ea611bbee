package org.virtd.qemu.cgroup;

import org.virtd.qemu.cgroup.bpf.CgroupDeviceProgram;
import org.virtd.qemu.cgroup.bpf.DeviceEntry;

import java.io.IOException;
import java.nio.file.Path;

/** Device filters as the kernel enforces them: a {@link CgroupDeviceProgram} per cgroup. */
public final class KernelDeviceFilters implements DeviceFilters {
    @Override
    public boolean available(Path root) {
        return CgroupDeviceProgram.supported(root.toString());
    }

    @Override
    public DeviceFilter attach(Path dir) throws IOException {
        return new Filter(CgroupDeviceProgram.attach(dir.toString()));
    }

    @Override
    public DeviceFilter find(Path dir) throws IOException {
        CgroupDeviceProgram p = CgroupDeviceProgram.find(dir.toString());
        return p == null ? null : new Filter(p);
    }

    private record Filter(CgroupDeviceProgram program) implements DeviceFilter {
        @Override
        public void allow(DeviceRule rule) throws IOException {
            long key = DeviceEntry.key(rule.major(), rule.minor());
            int had = program.get(key);
            int want = DeviceEntry.value(rule.type(), rule.access());
            if ((had | want) != had) {
                program.put(key, had | want);
            }
        }

        @Override
        public void deny(DeviceRule rule) throws IOException {
            long key = DeviceEntry.key(rule.major(), rule.minor());
            int had = program.get(key);
            if (had == 0) {
                return;
            }
            int left = DeviceEntry.without(had, DeviceEntry.accessBits(rule.access()));
            if (left == 0) {
                program.remove(key);
            } else if (left != had) {
                program.put(key, left);
            }
        }

        @Override
        public void close() {
            program.close();
        }
    }
}
