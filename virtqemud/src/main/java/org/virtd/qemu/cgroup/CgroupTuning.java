package org.virtd.qemu.cgroup;

import org.virtd.conf.domain.CpuTune;
import org.virtd.conf.domain.ResourceTune.BlkioTune;
import org.virtd.conf.domain.ResourceTune.Device;
import org.virtd.conf.domain.ResourceTune.MemTune;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tunables of {@code <memtune>}, {@code <blkiotune>} and {@code <cputune>} written to and
 * read from a guest's cgroup, in the files of its layout: v1's {@code memory.limit_in_bytes},
 * {@code cpu.shares}, {@code cpu.cfs_quota_us}, {@code blkio.throttle.*} or v2's
 * {@code memory.max}, {@code cpu.weight}, {@code cpu.max}, {@code io.max}. Memory is KiB here,
 * bytes in the files; null limits are "unlimited".
 */
public final class CgroupTuning {
    /** VIR_DOMAIN_MEMORY_PARAM_UNLIMITED in KiB. */
    public static final long UNLIMITED_KIB = 9007199254740991L;

    /** strerror(EINVAL). */
    private static final String INVALID = "Invalid argument";

    private final DomainCgroup cg;

    public CgroupTuning(DomainCgroup cg) {
        this.cg = cg;
    }

    // ---- memory

    public void setMemory(MemTune m) throws VirtException {
        require("memory", "cgroup memory controller is not mounted");
        // v1 refuses a memory limit above the memory+swap one: lift that first, set it last
        if (!cg.unified("memory")) {
            writeLimit(swapFile(), null);
        }
        writeLimit(hardFile(), m.hardLimitKiB());
        writeLimit(swapFile(), m.swapHardLimitKiB());
        writeLimit(cg.unified("memory") ? "memory.high" : "memory.soft_limit_in_bytes", m.softLimitKiB());
    }

    public MemTune memory() throws VirtException {
        require("memory", "cgroup memory controller is not mounted");
        return new MemTune(readLimit(hardFile()),
                readLimit(cg.unified("memory") ? "memory.high" : "memory.soft_limit_in_bytes"), readLimit(swapFile()));
    }

    private String hardFile() {
        return cg.unified("memory") ? "memory.max" : "memory.limit_in_bytes";
    }

    private String swapFile() {
        return cg.unified("memory") ? "memory.swap.max" : "memory.memsw.limit_in_bytes";
    }

    private void writeLimit(String file, Long kib) throws VirtException {
        if (!cg.exists("memory", file)) {
            if (kib == null) {
                return;
            }
            throw invalid("cgroup file '" + file + "' is missing: this host's memory controller cannot set it");
        }
        String value = kib == null || kib >= UNLIMITED_KIB ? (cg.unified("memory") ? "max" : "-1")
                : Long.toString(kib << 10);
        write("memory", file, value);
    }

    private Long readLimit(String file) throws VirtException {
        String text = read("memory", file);
        if (text == null || text.equals("max") || text.startsWith("-")) {
            return null;
        }
        long bytes = Long.parseUnsignedLong(text);
        // the kernel's "no limit" is its page counter's maximum, just under 2^63 and page-rounded
        if (bytes < 0 || bytes > Long.MAX_VALUE >> 1) {
            return null;
        }
        long kib = bytes >> 10;
        return kib >= UNLIMITED_KIB ? null : kib;
    }

    // ---- cpu

    public void setShares(long shares) throws VirtException {
        require("cpu", "cgroup CPU controller is not mounted");
        write("cpu", cg.unified("cpu") ? "cpu.weight" : "cpu.shares", Long.toString(shares));
    }

    public long shares() throws VirtException {
        require("cpu", "cgroup CPU controller is not mounted");
        String v = read("cpu", cg.unified("cpu") ? "cpu.weight" : "cpu.shares");
        return v == null ? 0 : Long.parseLong(v);
    }

    /** The CFS bandwidth of the whole guest; 0 leaves a value as it is, quota -1 is unlimited. */
    public void setBandwidth(long period, long quota) throws VirtException {
        require("cpu", "cgroup CPU controller is not mounted");
        if (cg.unified("cpu")) {
            long[] now = bandwidth();
            long p = period != 0 ? period : now[0];
            long q = quota != 0 ? quota : now[1];
            write("cpu", "cpu.max", (q < 0 ? "max" : Long.toString(q)) + " " + p);
            return;
        }
        String oldPeriod = period != 0 && quota != 0 ? read("cpu", "cpu.cfs_period_us") : null;
        if (period != 0) {
            write("cpu", "cpu.cfs_period_us", Long.toString(period));
        }
        if (quota != 0) {
            try {
                write("cpu", "cpu.cfs_quota_us", Long.toString(quota));
            } catch (VirtException e) {
                // the kernel refused the pair (a child's quota above its parent's): keep the old period
                if (oldPeriod != null) {
                    try {
                        cg.write("cpu", "cpu.cfs_period_us", oldPeriod);
                    } catch (IOException ignored) {
                        // the first error is the one to report
                    }
                }
                throw e;
            }
        }
    }

    /** {period, quota} of the whole guest; quota -1 is unlimited. */
    public long[] bandwidth() throws VirtException {
        require("cpu", "cgroup CPU controller is not mounted");
        if (cg.unified("cpu")) {
            String[] f = read("cpu", "cpu.max").split("\\s+");
            return new long[] {Long.parseLong(f[1]), f[0].equals("max") ? -1 : Long.parseLong(f[0])};
        }
        return new long[] {Long.parseLong(read("cpu", "cpu.cfs_period_us")),
                Long.parseLong(read("cpu", "cpu.cfs_quota_us"))};
    }

    /** Applies {@code <cputune>}'s shares and global bandwidth. */
    public void setCpu(CpuTune tune) throws VirtException {
        if (tune.shares() != null) {
            setShares(tune.shares());
        }
        if (tune.bandwidth("global_period") != 0 || tune.bandwidth("global_quota") != 0) {
            setBandwidth(tune.bandwidth("global_period"), tune.bandwidth("global_quota"));
        }
    }

    /**
     * Refuses a start whose {@code <cputune>} asks for CFS bandwidth of the guest, its vCPUs or its
     * emulator when {@code cg} (null: none) lacks the CPU controller, as libvirt's process setup
     * does. I/O thread bandwidth needs I/O threads, which guests here do not have, so it is kept.
     */
    public static void requireCpuForBandwidth(DomainCgroup cg, CpuTune tune) throws VirtException {
        if (cg != null && cg.has("cpu")) {
            return;
        }
        for (String name : List.of("period", "quota", "emulator_period", "emulator_quota", "global_period",
                "global_quota")) {
            if (tune.bandwidth(name) != 0) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                        "cgroup cpu is required for scheduler tuning");
            }
        }
    }

    // ---- cpuset and threads

    /** Confines the group to host CPUs {@code cpus} ({@code cpuset.cpus}, both layouts). */
    public void setCpus(java.util.BitSet cpus) throws VirtException {
        require("cpuset", "cgroup cpuset controller is not mounted");
        write("cpuset", "cpuset.cpus", org.virtd.conf.domain.CpuSet.format(cpus));
    }

    /** Moves thread {@code tid} into the group; false when the thread is already gone. */
    public boolean addThread(long tid) throws VirtException {
        try {
            cg.addThread(tid);
            return true;
        } catch (IOException e) {
            if (e instanceof java.nio.file.FileSystemException f && "No such process".equals(f.getReason())) {
                return false;
            }
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.CGROUP, "Unable to add thread " + tid
                    + " to '" + cg.dirs().get(0) + "': " + reason(e));
        }
    }

    // ---- blkio

    private String weightFile() throws VirtException {
        require("blkio", "blkio cgroup isn't mounted");
        List<String> candidates = cg.unified("blkio") ? List.of("io.bfq.weight", "io.weight")
                : List.of("blkio.bfq.weight", "blkio.weight");
        for (String f : candidates) {
            if (cg.exists("blkio", f)) {
                return f;
            }
        }
        throw invalid(cg.unified("blkio") ? "blkio device weight is valid only for cfq scheduler"
                : "blkio device weight is valid only for bfq or cfq scheduler");
    }

    public void setBlkioWeight(int weight) throws VirtException {
        String f = weightFile();
        write("blkio", f, cg.unified("blkio") && f.equals("io.weight") ? "default " + weight : Integer.toString(weight));
    }

    public int blkioWeight() throws VirtException {
        String text = read("blkio", weightFile());
        String[] f = text.split("\\s+");
        return Integer.parseInt(f[f.length - 1]);
    }

    /** Writes one per-device value; {@code majMin} is {@code 8:0}. */
    public void setDevice(Device.Field field, String majMin, long value) throws VirtException {
        require("blkio", "blkio cgroup isn't mounted");
        if (cg.unified("blkio")) {
            if (field == Device.Field.WEIGHT) {
                weightFile();
                write("blkio", "io.weight", majMin + " " + (value == 0 ? "default" : value));
            } else {
                write("blkio", "io.max", majMin + " " + v2Key(field) + "=" + (value == 0 ? "max" : value));
            }
            return;
        }
        String file = v1DeviceFile(field);
        if (!cg.exists("blkio", file)) {
            throw invalid("blkio device weight is valid only for bfq or cfq scheduler");
        }
        write("blkio", file, majMin + " " + value);
    }

    /** The per-device values the cgroup holds: {@code majMin} → value, 0 = none. */
    public long device(Device.Field field, String majMin) throws VirtException {
        require("blkio", "blkio cgroup isn't mounted");
        String file = cg.unified("blkio") ? (field == Device.Field.WEIGHT ? "io.weight" : "io.max") : v1DeviceFile(field);
        String text = read("blkio", file);
        if (text == null) {
            return 0;
        }
        for (String line : text.split("\n")) {
            String[] f = line.strip().split("\\s+");
            if (f.length < 2 || !f[0].equals(majMin)) {
                continue;
            }
            if (!cg.unified("blkio") || field == Device.Field.WEIGHT) {
                return Long.parseLong(f[1]);
            }
            for (int i = 1; i < f.length; i++) {
                if (f[i].startsWith(v2Key(field) + "=")) {
                    String v = f[i].substring(v2Key(field).length() + 1);
                    return v.equals("max") ? 0 : Long.parseLong(v);
                }
            }
        }
        return 0;
    }

    private static String v1DeviceFile(Device.Field field) {
        return switch (field) {
            case WEIGHT -> "blkio.weight_device";
            case READ_IOPS -> "blkio.throttle.read_iops_device";
            case WRITE_IOPS -> "blkio.throttle.write_iops_device";
            case READ_BYTES -> "blkio.throttle.read_bps_device";
            case WRITE_BYTES -> "blkio.throttle.write_bps_device";
        };
    }

    private static String v2Key(Device.Field field) {
        return switch (field) {
            case READ_IOPS -> "riops";
            case WRITE_IOPS -> "wiops";
            case READ_BYTES -> "rbps";
            case WRITE_BYTES -> "wbps";
            case WEIGHT -> "weight";
        };
    }

    /** Applies {@code <blkiotune>}: the weight and each device's values, devices by their node. */
    public void setBlkio(BlkioTune tune) throws VirtException {
        if (tune.weight() != 0) {
            setBlkioWeight(tune.weight());
        }
        for (Device d : tune.devices()) {
            String majMin = DeviceNodes.majorMinor(d.path(), 'b');
            for (Device.Field f : Device.Field.values()) {
                if (d.value(f) != 0) {
                    setDevice(f, majMin, d.value(f));
                }
            }
        }
    }

    /** The per-device values of {@code tune}'s devices as the cgroup holds them now. */
    public List<Device> devices(BlkioTune tune) throws VirtException {
        List<Device> out = new ArrayList<>();
        for (Device d : tune.devices()) {
            String majMin = DeviceNodes.majorMinor(d.path(), 'b');
            Device now = new Device(d.path(), 0, 0, 0, 0, 0);
            for (Device.Field f : Device.Field.values()) {
                now = now.with(f, device(f, majMin));
            }
            out.add(now);
        }
        return out;
    }

    // ---- plumbing

    private void require(String controller, String message) throws VirtException {
        if (!cg.has(controller)) {
            throw invalid(message);
        }
    }

    private void write(String controller, String file, String value) throws VirtException {
        try {
            cg.write(controller, file, value);
        } catch (IOException e) {
            Path path = cg.dir(controller).resolve(file);
            // the kernel's EINVAL is about the value, and libvirt names the value rather than the path
            String what = INVALID.equals(reason(e)) ? "Invalid value '" + value + "' for '" + path.getFileName() + "'"
                    : "Unable to write to '" + path + "'";
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.CGROUP, what + ": " + reason(e));
        }
    }

    private String read(String controller, String file) throws VirtException {
        try {
            return cg.read(controller, file);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.CGROUP, "Unable to read from '"
                    + cg.dir(controller).resolve(file) + "': " + reason(e));
        }
    }

    /** The errno text alone, as libvirt prints it after the file name. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    static VirtException invalid(String message) {
        return new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, message);
    }
}
