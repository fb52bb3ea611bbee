package org.virtd.qemu.cgroup;

import org.virtd.conf.domain.CpuSet;
import org.virtd.conf.domain.Numatune;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code <numatune>} in a guest's cpuset cgroup: the host memory nodes its tasks may allocate
 * from ({@code cpuset.mems}) in strict and restrictive mode, with memory moved along when they
 * change ({@code cpuset.memory_migrate}, v1). The guest's directory and any thread directories
 * below it (emulator, vCPUs) get the same nodes.
 */
public final class CpusetMems {
    private final DomainCgroup cg;

    public CpusetMems(DomainCgroup cg) {
        this.cg = cg;
    }

    /** Whether the nodes of {@code n} are the cgroup's to enforce. */
    static boolean enforced(Numatune n) {
        return n.nodeset() != null && (n.mode() == Numatune.Mode.STRICT || n.mode() == Numatune.Mode.RESTRICTIVE);
    }

    /** A new guest's cgroup before QEMU joins it. */
    void setup(Numatune n) throws IOException {
        if (!cg.unified("cpuset") && cg.exists("cpuset", "cpuset.memory_migrate")) {
            cg.write("cpuset", "cpuset.memory_migrate", "1");
        }
        if (enforced(n)) {
            cg.write("cpuset", "cpuset.mems", CpuSet.format(n.nodeset()));
        }
    }

    /**
     * Moves a running guest to {@code nodes}. A v1 child's nodes must stay within its parent's,
     * so the guest's directory first takes the union, then the threads and the guest the new set.
     */
    public void set(BitSet nodes) throws VirtException {
        Path dir = cg.dir("cpuset");
        String text = CpuSet.format(nodes);
        try {
            BitSet union = CpuSet.parse(cg.read("cpuset", "cpuset.mems"));
            if (union != null) {
                union.or(nodes);
                write(dir, CpuSet.format(union));
            }
            for (Path child : children(dir)) {
                write(child, text);
            }
            write(dir, text);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.CGROUP, "Unable to write to '"
                    + dir.resolve("cpuset.mems") + "': " + e.getMessage());
        }
    }

    private static void write(Path dir, String text) throws IOException {
        Files.writeString(dir.resolve("cpuset.mems"), text);
    }

    private static List<Path> children(Path dir) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> Files.isDirectory(p) && Files.exists(p.resolve("cpuset.mems"))).forEach(out::add);
        }
        return out;
    }
}
