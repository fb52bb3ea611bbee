package org.virtd.qemu.driver;

import org.virtd.core.driver.Checks;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.caps.HostCapabilities;
import org.virtd.qemu.host.CapabilitiesXml;
import org.virtd.core.driver.HostName;
import org.virtd.qemu.host.HostUuid;
import org.virtd.qemu.host.NodeInfo;
import org.virtd.qemu.host.Sysinfo;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;

import java.util.ArrayList;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Host-level calls of the QEMU driver: hypervisor version, capabilities, node info, hostname,
 * sysinfo, free memory, maximum vCPUs.
 */
final class HostHandlers {
    /** libvirt's answer for plain TCG guests. */
    private static final int TCG_MAX_VCPUS = 16;

    private final QemuDriver driver;
    private final String hostUuid = HostUuid.read();

    HostHandlers(QemuDriver driver) {
        this.driver = driver;
    }

    /** qemu.conf's models and the account its guests run as, for {@code <secmodel>}. */
    private CapabilitiesXml.SecModels secModels() {
        var policy = driver.securityPolicy();
        return new CapabilitiesXml.SecModels(policy.models(), policy.accountOrSelf().label());
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.CONNECT_GET_VERSION, (c, a) -> driver.capabilities().version());
        t.on(RemoteProgram.CONNECT_GET_HOSTNAME, (c, a) -> HostName.get());
        t.on(RemoteProgram.NODE_GET_INFO, (c, a) -> nodeInfo());
        t.on(RemoteProgram.CONNECT_GET_CAPABILITIES,
                (c, a) -> CapabilitiesXml.build(hostUuid, NodeInfo.read(), driver.capabilities(), secModels()));
        t.on(RemoteProgram.CONNECT_GET_SYSINFO, (c, flags) -> {
            Checks.flags(flags, 0, "qemuConnectGetSysinfo", ErrorDomain.QEMU);
            return Sysinfo.xml();
        });
        t.on(RemoteProgram.CONNECT_GET_MAX_VCPUS, (c, type) -> maxVcpus(type));
        t.on(RemoteProgram.NODE_GET_FREE_MEMORY, (c, a) -> NodeInfo.freeMemoryBytes());
        t.on(RemoteProgram.NODE_GET_CELLS_FREE_MEMORY, (c, a) -> {
            if (a.startCell() != 0) {
                // one NUMA cell is all NodeInfo reports, as on hosts without NUMA
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                        "start cell " + a.startCell() + " out of range (0-0)");
            }
            if (a.maxcells() < 1) {
                return List.of();
            }
            List<Long> cells = new ArrayList<>();
            cells.add(NodeInfo.freeMemoryBytes());
            return cells;
        });
    }

    private org.virtd.rpc.remote.types.NodeInfo nodeInfo() {
        NodeInfo n = NodeInfo.read();
        return new org.virtd.rpc.remote.types.NodeInfo(n.model(), n.memoryKiB(), n.cpus(), n.mhz(), n.nodes(),
                n.sockets(), n.cores(), n.threads());
    }

    /** libvirt asks /dev/kvm itself, so without it the answer is the error of opening it. */
    private static void requireKvmDevice() throws VirtException {
        Path kvm = Path.of("/dev/kvm");
        if (!Files.exists(kvm) || !Files.isReadable(kvm)) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE, "Unable to open " + kvm + ": "
                    + (Files.exists(kvm) ? "Permission denied" : "No such file or directory"));
        }
    }

    private int maxVcpus(String type) throws VirtException {
        if (type == null || type.toLowerCase(Locale.ROOT).equals("qemu")) {
            return TCG_MAX_VCPUS;
        }
        if (type.toLowerCase(Locale.ROOT).equals("kvm")) {
            requireKvmDevice();
            HostCapabilities caps = driver.capabilities();
            return caps.guestOrHost(caps.hostArch())
                    .flatMap(g -> g.machines().stream().map(m -> m.maxCpus()).max(Integer::compare))
                    .orElse(255);
        }
        throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "unknown type '" + type + "'");
    }
}
