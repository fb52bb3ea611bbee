package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.Numatune;
import org.virtd.qemu.process.QemuLaunchSpec;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The host side of {@code <numatune>}: whether the nodes it names exist here
 * ({@code /sys/devices/system/node/nodeN}), the refusal of automatic placement (there is no numad
 * to ask), and the policy QEMU gets for the guest's RAM. Restrictive mode is left to the cgroup's
 * {@code cpuset.mems} alone, as libvirt leaves it.
 */
public final class NumaMemory {
    private static final Path NODES = Path.of("/sys/devices/system/node");

    private NumaMemory() {
    }

    /** What a start checks before it maps the definition: numad's advice, then the nodes. */
    static void beforeLaunch(DomainDef def) throws VirtException {
        if (def.tuning().numa().autoPlacement()) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.NONE,
                    "Failed to query numad for the advisory nodeset");
        }
        requireAvailable(def.tuning().numa().nodeset());
    }

    /** QEMU's RAM policy for {@code def}; null when QEMU's default applies. */
    static QemuLaunchSpec.MemoryPolicy policy(DomainDef def) throws VirtException {
        Numatune n = def.tuning().numa();
        if (n.autoPlacement()) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.DOMAIN,
                    "Advice from numad is needed in case of automatic numa placement");
        }
        BitSet nodes = n.nodeset();
        if (nodes == null) {
            return null;
        }
        requireAvailable(nodes);
        String policy = switch (n.mode()) {
            case STRICT -> "bind";
            case PREFERRED -> "preferred";
            case INTERLEAVE -> "interleave";
            case RESTRICTIVE -> null;
        };
        if (policy == null) {
            return null;
        }
        List<Integer> list = new ArrayList<>();
        nodes.stream().forEach(list::add);
        return new QemuLaunchSpec.MemoryPolicy(list, policy);
    }

    /** CONFIG_UNSUPPORTED naming the first node of {@code nodes} this host lacks. */
    public static void requireAvailable(BitSet nodes) throws VirtException {
        if (nodes == null) {
            return;
        }
        for (int n = nodes.nextSetBit(0); n >= 0; n = nodes.nextSetBit(n + 1)) {
            if (!available(n)) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.NONE,
                        "NUMA node " + n + " is unavailable");
            }
        }
    }

    /** A host without NUMA information has node 0 only. */
    private static boolean available(int node) {
        if (!Files.isDirectory(NODES)) {
            return node == 0;
        }
        return Files.isDirectory(NODES.resolve("node" + node));
    }
}
