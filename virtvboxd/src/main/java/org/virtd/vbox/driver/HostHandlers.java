package org.virtd.vbox.driver;

import org.virtd.core.driver.HandlerTable;
import org.virtd.core.driver.HostName;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.vbox.manage.SystemProperties;
import org.virtd.vbox.manage.VBoxVersion;
import org.virtd.rpc.remote.types.DomainCapabilitiesArgs;
import org.virtd.vbox.mapping.DomainCapsXml;
import org.virtd.vbox.mapping.MachineDomain;

import java.util.List;
import java.util.function.Supplier;

/**
 * Host-level calls of the vbox driver (vbox-driver.md §1–2): VirtualBox's version, hostname,
 * node info, free memory, maximum vCPUs (VirtualBox's MaxGuestCPUCount) and capabilities with
 * one hvm guest of domain type vbox.
 */
final class HostHandlers {
    private final MachinesSource machines;
    private final Supplier<VBoxVersion> version;

    HostHandlers(MachinesSource machines, Supplier<VBoxVersion> version) {
        this.machines = machines;
        this.version = version;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.CONNECT_GET_VERSION, (c, a) -> {
            VBoxVersion v = version.get();
            if (v == null) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.VBOX, VBoxDriver.INIT_FAILED);
            }
            return v.number();
        });
        t.on(RemoteProgram.CONNECT_GET_HOSTNAME, (c, a) -> HostName.get());
        t.on(RemoteProgram.NODE_GET_INFO, (c, a) -> HostFacts.nodeInfo());
        t.on(RemoteProgram.NODE_GET_FREE_MEMORY, (c, a) -> HostFacts.freeMemoryBytes());
        t.on(RemoteProgram.NODE_GET_CELLS_FREE_MEMORY, (c, a) ->
                a.startCell() == 0 && a.maxcells() >= 1 ? List.of(HostFacts.freeMemoryBytes()) : List.<Long>of());
        t.on(RemoteProgram.CONNECT_GET_MAX_VCPUS, (c, type) -> maxGuestCpus(machines.get()));
        t.on(RemoteProgram.CONNECT_GET_CAPABILITIES, (c, a) -> capabilities());
        t.on(RemoteProgram.CONNECT_GET_DOMAIN_CAPABILITIES, (c, a) -> domainCapabilities(a));
    }

    /**
     * The vbox domain's capabilities: no emulator or machine to choose, the host arch, virttype
     * vbox (each may be left out); flags must be 0.
     */
    String domainCapabilities(DomainCapabilitiesArgs a) throws VirtException {
        Flags.check(a.flags(), 0, "vboxConnectGetDomainCapabilities");
        String arch = MachineDomain.hostArch();
        if (a.virttype() != null && !a.virttype().equals("vbox")) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.VBOX,
                    "unknown virttype: " + a.virttype());
        }
        if (a.arch() != null && !a.arch().equals(arch)) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.VBOX,
                    "architecture '" + a.arch() + "' is not supported by VirtualBox on this host");
        }
        if (a.emulatorbin() != null || a.machine() != null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.VBOX,
                    "VirtualBox has no " + (a.emulatorbin() != null ? "emulator binary" : "machine types")
                            + " to choose");
        }
        return DomainCapsXml.format(arch, maxGuestCpus(machines.get()));
    }

    static int maxGuestCpus(Machines m) throws VirtException {
        return (int) m.systemProperties().number(SystemProperties.MAX_GUEST_CPUS, 1);
    }

    /** virCapabilities as vboxCapsInit builds it: the host CPU arch and one hvm guest, domain type vbox only. */
    static String capabilities() {
        String arch = MachineDomain.hostArch();
        int wordsize = arch.equals("x86_64") || arch.equals("aarch64") ? 64 : 32;
        var node = HostFacts.nodeInfo();
        StringBuilder sb = new StringBuilder("<capabilities>\n\n  <host>\n");
        sb.append("    <cpu>\n      <arch>").append(arch).append("</arch>\n    </cpu>\n");
        sb.append("    <power_management/>\n");
        sb.append("    <topology>\n      <cells num='1'>\n        <cell id='0'>\n")
                .append("          <memory unit='KiB'>").append(node.memory()).append("</memory>\n")
                .append("          <cpus num='").append(node.cpus()).append("'>\n");
        for (int i = 0; i < node.cpus(); i++) {
            sb.append("            <cpu id='").append(i).append("'/>\n");
        }
        sb.append("          </cpus>\n        </cell>\n      </cells>\n    </topology>\n");
        sb.append("  </host>\n\n");
        sb.append("  <guest>\n    <os_type>hvm</os_type>\n    <arch name='").append(arch).append("'>\n")
                .append("      <wordsize>").append(wordsize).append("</wordsize>\n")
                .append("      <domain type='vbox'/>\n    </arch>\n  </guest>\n\n");
        return sb.append("</capabilities>\n").toString();
    }
}
