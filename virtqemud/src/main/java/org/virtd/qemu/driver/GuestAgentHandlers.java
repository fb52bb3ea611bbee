package org.virtd.qemu.driver;

import org.virtd.conf.domain.CpuSet;
import org.virtd.conf.state.DomainStates;
import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.agent.AgentClient;
import org.virtd.qemu.agent.GuestAgent;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.lifecycle.AgentChannels;
import org.virtd.qemu.lifecycle.DomainProcesses;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.JsonParseException;
import org.virtd.qemu.qmp.JsonParser;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.qemu.QemuProgram;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainInterface;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.DomainTime;
import org.virtd.rpc.remote.types.FsInfo;
import org.virtd.rpc.remote.types.FsInfoList;
import org.virtd.rpc.remote.types.IpAddress;
import org.virtd.rpc.remote.types.TypedParam;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Supplier;

/**
 * The calls answered by the QEMU guest agent ({@code virsh domtime}, {@code domhostname},
 * {@code domifaddr}, {@code domfsfreeze}/{@code domfsthaw}/{@code domfsinfo}, {@code guestinfo},
 * {@code set-user-password}, {@code guestvcpus}, {@code qemu-agent-command},
 * {@code guest-agent-timeout}), with libvirt's checks in libvirt's order: flags, the domain
 * active, then the agent available (running, configured, connected). The domain's lock is held
 * only for the checks, never while the agent answers. Address sources that need no agent (DHCP
 * leases, the host's ARP table) are answered from the host.
 */
final class GuestAgentHandlers {
    private static final int HOSTNAME_LEASE = 1;
    private static final int HOSTNAME_AGENT = 2;
    private static final int ADDRESSES_LEASE = 0;
    private static final int ADDRESSES_AGENT = 1;
    private static final int ADDRESSES_ARP = 2;
    private static final int SET_TIME_SYNC = 1;
    private static final int PASSWORD_ENCRYPTED = 1;
    private static final int TIMEOUT_MIN = AgentClient.BLOCK;

    private final DomainLookup lookup;
    private final Supplier<DomainProcesses> processes;

    GuestAgentHandlers(DomainLookup lookup, Supplier<DomainProcesses> processes) {
        this.lookup = lookup;
        this.processes = processes;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_GET_TIME, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainGetTime");
            long[] time = agent(a.domain()).time();
            return new DomainTime(time[0], (int) time[1]);
        });
        t.on(RemoteProgram.DOMAIN_SET_TIME, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), SET_TIME_SYNC, "qemuDomainSetTime");
            boolean sync = (a.flags() & SET_TIME_SYNC) != 0;
            DomainObject dom = lookup.resolve(a.domain());
            if (!dom.isActive() && isX86(dom)) {
                // libvirt checks QEMU's rtc-reset-reinjection first, and an inactive domain has no QEMU
                throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                        "cannot set time: qemu doesn't support rtc-reset-reinjection command");
            }
            RunningDomain rd = active(a.domain());
            agentOf(rd).setTime(a.seconds(), a.nseconds(), sync);
            if (isX86(dom)) {
                // QEMU's RTC must stop catching up on ticks the guest missed while its clock jumped
                rd.process().monitor().execute("rtc-reset-reinjection", null);
            }
            return null;
        });
        t.on(RemoteProgram.DOMAIN_GET_HOSTNAME, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), HOSTNAME_LEASE | HOSTNAME_AGENT, "qemuDomainGetHostname");
            if ((a.flags() & HOSTNAME_LEASE) != 0 && (a.flags() & HOSTNAME_AGENT) != 0) {
                throw VirtException.verbatim(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                        "Flags 'VIR_DOMAIN_GET_HOSTNAME_LEASE' and 'VIR_DOMAIN_GET_HOSTNAME_AGENT' are mutually exclusive");
            }
            if ((a.flags() & HOSTNAME_LEASE) != 0) {
                DomainObject dom = active(a.domain()).domain();
                // leases come from libvirt networks; user-mode and tap NICs have none
                throw new VirtException(ErrorCode.NO_HOSTNAME, ErrorDomain.QEMU,
                        "no hostname found for domain " + dom.name());
            }
            return agent(a.domain()).hostname();
        });
        t.on(RemoteProgram.DOMAIN_INTERFACE_ADDRESSES, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainInterfaceAddresses");
            RunningDomain rd = active(a.domain());
            return switch (a.source()) {
                case ADDRESSES_LEASE -> List.of();
                case ADDRESSES_ARP -> ArpAddresses.of(rd.live());
                case ADDRESSES_AGENT -> toWire(agentOf(rd).interfaces());
                default -> throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                        "Unknown IP address data source " + a.source());
            };
        });
        t.on(RemoteProgram.DOMAIN_FSFREEZE, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainFSFreeze");
            return agent(a.domain()).freeze(a.mountpoints());
        });
        t.on(RemoteProgram.DOMAIN_FSTHAW, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainFSThaw");
            if (!a.mountpoints().isEmpty()) {
                throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                        "specifying mountpoints is not supported");
            }
            return agent(a.domain()).thaw();
        });
        t.on(RemoteProgram.DOMAIN_GET_FSINFO, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainGetFSInfo");
            List<FsInfo> out = new ArrayList<>();
            for (GuestAgent.FsInfo f : agent(a.domain()).fsInfo()) {
                // the guest's disks are matched to none of ours: no aliases, as libvirt without a match
                out.add(new FsInfo(f.mountpoint(), f.name(), f.type(), List.of()));
            }
            return new FsInfoList(out, out.size());
        });
        t.on(RemoteProgram.DOMAIN_GET_GUEST_INFO, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainGetGuestInfo");
            if ((a.types() & ~GuestInfoParams.ALL) != 0) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                        "unsupported guest information types '0x" + Integer.toHexString(a.types() & ~GuestInfoParams.ALL)
                                + "'");
            }
            // no active check of its own: an inactive domain fails the agent's (QEMU's error domain)
            return GuestInfoParams.collect(agentOf(running(a.domain())), a.types() == 0 ? GuestInfoParams.ALL : a.types());
        });
        t.on(RemoteProgram.DOMAIN_SET_USER_PASSWORD, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), PASSWORD_ENCRYPTED, "qemuDomainSetUserPassword");
            agent(a.domain()).setUserPassword(a.user(), a.password(), (a.flags() & PASSWORD_ENCRYPTED) != 0);
            return null;
        });
        t.on(RemoteProgram.DOMAIN_GET_GUEST_VCPUS, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainGetGuestVcpus");
            BitSet all = new BitSet();
            BitSet online = new BitSet();
            BitSet offlinable = new BitSet();
            for (GuestAgent.Vcpu v : agentOf(running(a.domain())).vcpus()) {
                all.set(v.id());
                online.set(v.id(), v.online());
                offlinable.set(v.id(), v.canOffline());
            }
            return List.of(TypedParam.ofString("vcpus", CpuSet.format(all)),
                    TypedParam.ofString("online", CpuSet.format(online)),
                    TypedParam.ofString("offlinable", CpuSet.format(offlinable)));
        });
        t.on(RemoteProgram.DOMAIN_SET_GUEST_VCPUS, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainSetGuestVcpus");
            setGuestVcpus(a.domain(), a.cpumap(), a.state());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_AGENT_SET_RESPONSE_TIMEOUT, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainAgentSetResponseTimeout");
            if (a.timeout() < TIMEOUT_MIN) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "guest agent timeout '" + a.timeout()
                        + "' is less than the minimum '" + TIMEOUT_MIN + "'");
            }
            DomainObject dom = lookup.resolve(a.domain());
            RunningDomain rd = processes.get().lifecycle().running(dom);
            if (rd != null) {
                rd.agentTimeout(a.timeout());
            }
            return 0;
        });
        t.on(QemuProgram.DOMAIN_AGENT_COMMAND, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainQemuAgentCommand");
            RunningDomain rd = active(a.domain());
            AgentClient agent = available(rd);
            processes.get().lifecycle().taintAgentCommand(rd);
            if (a.timeout() < TIMEOUT_MIN) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "guest agent timeout '" + a.timeout()
                        + "' is less than the minimum '" + TIMEOUT_MIN + "'");
            }
            JsonObject cmd;
            try {
                cmd = JsonParser.parseObject(a.cmd());
            } catch (JsonParseException | ClassCastException e) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                        "cannot parse json " + a.cmd() + ": " + e.getMessage());
            }
            return agent.command(cmd, a.timeout()).toJson();
        });
    }

    private void setGuestVcpus(DomainRef ref, String cpumap, int state) throws VirtException {
        if (state != 0 && state != 1) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "unsupported state value");
        }
        BitSet wanted = CpuSet.parse(cpumap);
        if (wanted == null) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU, "Failed to parse bitmap '" + cpumap + "'");
        }
        GuestAgent agent = agentOf(running(ref));
        List<GuestAgent.Vcpu> changes = new ArrayList<>();
        for (GuestAgent.Vcpu v : agent.vcpus()) {
            if (!wanted.get(v.id())) {
                continue;
            }
            if (state == 0 && !v.canOffline()) {
                throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                        "vCPU '" + v.id() + "' is not offlinable");
            }
            changes.add(new GuestAgent.Vcpu(v.id(), state == 1, v.canOffline()));
            wanted.clear(v.id());
        }
        if (!wanted.isEmpty()) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.QEMU,
                    "guest is missing vCPUs '" + CpuSet.format(wanted) + "'");
        }
        if (!changes.isEmpty()) {
            agent.setVcpus(changes);
        }
    }

    private static boolean isX86(DomainObject dom) {
        var os = dom.currentDef() == null ? null : dom.currentDef().os();
        String arch = os == null ? null : os.arch();
        return arch == null || arch.equals("x86_64") || arch.matches("i[3-6]86");
    }

    private static List<DomainInterface> toWire(List<GuestAgent.Iface> ifaces) {
        List<DomainInterface> out = new ArrayList<>();
        for (GuestAgent.Iface i : ifaces) {
            List<IpAddress> addrs = new ArrayList<>();
            for (GuestAgent.Address ad : i.addrs()) {
                addrs.add(new IpAddress(ad.type(), ad.addr(), ad.prefix()));
            }
            out.add(new DomainInterface(i.name(), i.hwaddr(), addrs));
        }
        return out;
    }

    /** The agent of an active, running domain whose agent is connected. */
    private GuestAgent agent(DomainRef ref) throws VirtException {
        return agentOf(active(ref));
    }

    private GuestAgent agentOf(RunningDomain rd) throws VirtException {
        return new GuestAgent(available(rd));
    }

    private static AgentClient available(RunningDomain rd) throws VirtException {
        DomainObject dom = rd.domain();
        dom.lock().lock();
        try {
            return AgentChannels.require(rd);
        } finally {
            dom.lock().unlock();
        }
    }

    /** The current run; without one, the agent check's own "domain is not running" (QEMU's error domain). */
    private RunningDomain running(DomainRef ref) throws VirtException {
        DomainObject dom = lookup.resolve(ref);
        RunningDomain rd = dom.isActive() ? processes.get().lifecycle().running(dom) : null;
        if (rd == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not running");
        }
        return rd;
    }

    /** The current run of an active domain ("domain is not running" otherwise). */
    private RunningDomain active(DomainRef ref) throws VirtException {
        DomainObject dom = lookup.resolve(ref);
        RunningDomain rd = dom.isActive() ? processes.get().lifecycle().running(dom) : null;
        if (rd == null || rd.isStopped() || dom.state() == DomainStates.SHUTOFF) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running");
        }
        return rd;
    }
}
