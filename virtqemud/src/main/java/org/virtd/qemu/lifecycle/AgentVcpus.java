package org.virtd.qemu.lifecycle;

import org.virtd.qemu.agent.GuestAgent;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.util.ArrayList;
import java.util.List;

/**
 * The vCPU count a running guest sees through its agent ({@code vcpucount --guest},
 * {@code setvcpus --guest}): online logical CPUs counted, and to reach a count the offlinable
 * online ones go first or the offline ones come back, in the guest's order, re-sent until the
 * guest applied them all, with libvirt's refusals.
 */
final class AgentVcpus {

    private AgentVcpus() {
    }

    /** The guest's online vCPUs, or all it knows with {@code maximum}. */
    static int count(RunningDomain rd, boolean maximum) throws VirtException {
        List<GuestAgent.Vcpu> cpus = new GuestAgent(AgentChannels.require(rd)).vcpus();
        return maximum ? cpus.size() : (int) cpus.stream().filter(GuestAgent.Vcpu::online).count();
    }

    static void set(RunningDomain rd, int count) throws VirtException {
        GuestAgent agent = new GuestAgent(AgentChannels.require(rd));
        int enabled = rd.live().vcpus().effectiveCurrent();
        if (count > enabled) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "requested vcpu count is greater than "
                    + "the count of enabled vcpus in the domain: " + count + " > " + enabled);
        }
        List<GuestAgent.Vcpu> changes = changes(agent.vcpus(), count);
        while (!changes.isEmpty()) {
            int applied = agent.setVcpus(changes);
            if (applied <= 0 || applied > changes.size()) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                        "guest agent returned malformed or invalid return value");
            }
            changes = changes.subList(applied, changes.size());
        }
    }

    /** The vCPUs to switch so that {@code count} are online. */
    static List<GuestAgent.Vcpu> changes(List<GuestAgent.Vcpu> cpus, int count) throws VirtException {
        int online = 0;
        int offlinable = 0;
        for (GuestAgent.Vcpu v : cpus) {
            online += v.online() ? 1 : 0;
            offlinable += v.online() && v.canOffline() ? 1 : 0;
            if (!v.online() && !v.canOffline()) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                        "Invalid data provided by guest agent");
            }
        }
        if (count > cpus.size()) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "guest agent reports less cpu than requested");
        }
        if (count < online - offlinable) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "Cannot offline enough CPUs");
        }
        List<GuestAgent.Vcpu> out = new ArrayList<>();
        for (GuestAgent.Vcpu v : cpus) {
            if (count < online && v.online() && v.canOffline()) {
                out.add(new GuestAgent.Vcpu(v.id(), false, true));
                online--;
            } else if (count > online && !v.online()) {
                out.add(new GuestAgent.Vcpu(v.id(), true, v.canOffline()));
                online++;
            }
        }
        return out;
    }
}
