package org.virtd.qemu.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.Devices.ChannelDef;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.agent.AgentClient;
import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.conf.state.DomainStates;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.AgentLifecycleEvent;
import org.virtd.rpc.remote.types.DomainEventBody;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The guest agent's channel in a run: a virtio channel's {@code state} follows QEMU's
 * VSERPORT_CHANGE (the guest opened or closed its port), and for the agent's channel
 * ({@code org.qemu.guest_agent.0}) we connect to its socket when the guest side opens and drop
 * the connection when it closes, raising AGENT_LIFECYCLE each time, as libvirt does.
 */
public final class AgentChannels {
    public static final String AGENT_NAME = "org.qemu.guest_agent.0";
    static final int CONNECTED = 1;
    static final int DISCONNECTED = 2;
    static final int REASON_DOMAIN_STARTED = 1;
    static final int REASON_CHANNEL = 2;
    private static final Logger LOG = LoggerFactory.getLogger(AgentChannels.class);

    private AgentChannels() {
    }

    /** The agent's channel of {@code def}, or null when it has none (the agent is not configured). */
    public static ChannelDef agentChannel(DomainDef def) {
        Devices d = def == null ? null : def.devices();
        if (d == null) {
            return null;
        }
        for (ChannelDef c : d.channels()) {
            if ("virtio".equals(c.targetType()) && AGENT_NAME.equals(c.targetName())) {
                return c;
            }
        }
        return null;
    }

    /** {@code def} with the virtio channel named {@code alias} in {@code state}; null if no such channel. */
    static DomainDef withState(DomainDef def, String alias, String state) {
        Devices d = def.devices();
        if (d == null || alias == null) {
            return null;
        }
        List<ChannelDef> out = new ArrayList<>();
        boolean found = false;
        for (ChannelDef c : d.channels()) {
            if (!found && alias.equals(c.alias()) && "virtio".equals(c.targetType())) {
                out.add(c.withLive(c.sourcePath(), state));
                found = true;
            } else {
                out.add(c);
            }
        }
        if (!found) {
            return null;
        }
        return def.withDevices(new Devices(d.emulator(), d.disks(), d.controllers(), d.interfaces(), d.serials(),
                d.consoles(), d.inputs(), d.graphics(), d.audios(), d.videos(), d.memballoon(), out, d.sounds(),
                d.redirdevs(), d.rngs(), d.panics(), d.hubs()));
    }

    /**
     * The connected agent of an active run (libvirt's qemuDomainAgentAvailable): fails when the
     * guest is not running (paused included), when the agent is not configured, not connected,
     * or its connection failed.
     */
    public static AgentClient require(RunningDomain rd) throws VirtException {
        if (rd.domain().state() != DomainStates.RUNNING) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is not running");
        }
        if (rd.agentError()) {
            throw new VirtException(ErrorCode.AGENT_UNRESPONSIVE, ErrorDomain.QEMU,
                    "QEMU guest agent is not available due to an error");
        }
        AgentClient c = rd.agent();
        if (c == null) {
            if (agentChannel(rd.live()) != null) {
                throw new VirtException(ErrorCode.AGENT_UNRESPONSIVE, ErrorDomain.QEMU,
                        "QEMU guest agent is not connected");
            }
            throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                    "QEMU guest agent is not configured");
        }
        return c;
    }

    /** The start-time event for the agent's channel (before RESUMED/STARTED, as libvirt raises it). */
    static DomainEventBody startEvent(RunningDomain rd) {
        ChannelDef c = agentChannel(rd.live());
        if (c == null) {
            return null;
        }
        return new AgentLifecycleEvent(rd.domain().ref(),
                "connected".equals(c.state()) ? CONNECTED : DISCONNECTED, REASON_DOMAIN_STARTED);
    }

    /**
     * QEMU's VSERPORT_CHANGE for the port {@code alias}: the new state goes into the live XML;
     * for the agent's channel the connection follows it and the returned event is to be raised.
     * Null when nothing is to be raised.
     */
    static DomainEventBody portChanged(RunningDomain rd, String alias, boolean open) {
        String state = open ? "connected" : "disconnected";
        DomainDef updated = withState(rd.live(), alias, state);
        if (updated == null) {
            return null;
        }
        rd.live(updated);
        rd.domain().setActive(rd.id(), updated);
        ChannelDef agent = agentChannel(updated);
        if (agent == null || !alias.equals(agent.alias())) {
            return null;
        }
        if (open) {
            connect(rd);
        } else {
            rd.agent(null, false);
        }
        return new AgentLifecycleEvent(rd.domain().ref(), open ? CONNECTED : DISCONNECTED, REASON_CHANNEL);
    }

    /** Connects to the agent when its channel is open and we have no connection yet. */
    static void connect(RunningDomain rd) {
        ChannelDef c = agentChannel(rd.live());
        if (c == null || rd.agent() != null || !"connected".equals(c.state())) {
            return;
        }
        if (!"unix".equals(c.type()) || c.sourcePath() == null) {
            return;
        }
        try {
            rd.agent(AgentClient.connect(Path.of(c.sourcePath()), rd.domain().name()), false);
        } catch (IOException e) {
            LOG.warn("Cannot connect to QEMU guest agent for {}: {}", rd.domain().name(), e.getMessage());
            rd.agent(null, true);
        }
    }

    /** After a re-attach: the ports' states as QEMU knows them now, then the agent if open. */
    static void refresh(RunningDomain rd, QmpClient monitor) {
        try {
            if (!(monitor.execute("query-chardev", null) instanceof JsonArray list)) {
                return;
            }
            for (JsonObject o : list.objects()) {
                String label = o.string("label", "");
                if (label.startsWith("char") && o.has("frontend-open")) {
                    DomainDef updated = withState(rd.live(), label.substring(4),
                            o.bool("frontend-open", false) ? "connected" : "disconnected");
                    if (updated != null) {
                        rd.live(updated);
                        rd.domain().setActive(rd.id(), updated);
                    }
                }
            }
        } catch (VirtException e) {
            LOG.debug("query-chardev failed for {}: {}", rd.domain().name(), e.getMessage());
            return;
        }
        connect(rd);
    }
}
