package org.virtd.qemu.lifecycle;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.state.DomainStates;
import org.virtd.qemu.agent.AgentClient;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.domain.DomainRegistry;
import org.virtd.qemu.domain.DomainStore;
import org.virtd.qemu.domain.QemuXmlConf;
import org.virtd.qemu.process.DomainLog;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.AgentLifecycleEvent;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The agent channel of a run: its state from VSERPORT_CHANGE, the connection, libvirt's availability errors. */
class AgentChannelsTest {
    @TempDir
    Path dir;

    private DomainObject dom;
    private RunningDomain rd;
    private ServerSocketChannel qemuSide;

    private void running(String channels) throws VirtException {
        String xml = "<domain type='qemu'><name>ga</name><uuid>c7a5fdbd-cdaf-9455-926a-d65c16db1810</uuid>"
                + "<memory unit='MiB'>128</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os>"
                + "<devices>" + channels + "</devices></domain>";
        DomainDef def = DeviceAliases.assign(QemuXmlConf.PARSER.parse(xml, false));
        if (dom != null) {
            unlock();
        }
        dom = new DomainRegistry(new DomainStore(dir.resolve("etc" + System.nanoTime()))).addTransient(def);
        dom.lock().lock(); // as the event rules and API calls hold it
        dom.setActive(3, def);
        dom.setState(DomainStates.RUNNING, DomainStates.RUNNING_BOOTED);
        rd = new RunningDomain(dom, 3, dir.resolve("run"), new DomainLog(dir.resolve("ga.log")), def);
    }

    private String agentChannel() {
        return "<channel type='unix'><source mode='bind' path='" + dir.resolve("agent.sock") + "'/>"
                + "<target type='virtio' name='org.qemu.guest_agent.0' state='disconnected'/></channel>";
    }

    private void unlock() {
        while (dom.lock().isHeldByCurrentThread()) {
            dom.lock().unlock();
        }
    }

    @AfterEach
    void close() throws IOException {
        if (dom != null) {
            unlock();
        }
        if (rd != null) {
            rd.agent(null, false);
        }
        if (qemuSide != null) {
            qemuSide.close();
        }
    }

    @Test
    void availabilityErrorsAreLibvirts() throws Exception {
        running("");
        VirtException e = assertThrows(VirtException.class, () -> AgentChannels.require(rd));
        assertEquals(ErrorCode.ARGUMENT_UNSUPPORTED, e.code());
        assertEquals("argument unsupported: QEMU guest agent is not configured", e.getMessage());

        running(agentChannel());
        e = assertThrows(VirtException.class, () -> AgentChannels.require(rd));
        assertEquals("Guest agent is not responding: QEMU guest agent is not connected", e.getMessage());

        dom.setState(DomainStates.PAUSED, DomainStates.PAUSED_USER);
        e = assertThrows(VirtException.class, () -> AgentChannels.require(rd));
        assertEquals("Requested operation is not valid: domain is not running", e.getMessage());
    }

    @Test
    void theChannelStateFollowsThePortAndTheAgentWithIt() throws Exception {
        running(agentChannel());
        qemuSide = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        qemuSide.bind(UnixDomainSocketAddress.of(dir.resolve("agent.sock")));
        assertEquals(new AgentLifecycleEvent(dom.ref(), 2, 1), AgentChannels.startEvent(rd));

        assertEquals(new AgentLifecycleEvent(dom.ref(), 1, 2), AgentChannels.portChanged(rd, "channel0", true));
        assertEquals("connected", AgentChannels.agentChannel(rd.live()).state());
        assertEquals("connected", AgentChannels.agentChannel(dom.liveDef()).state());
        AgentClient agent = AgentChannels.require(rd);
        try (SocketChannel guest = qemuSide.accept()) {
            Thread answer = new Thread(() -> {
                try {
                    ByteBuffer in = ByteBuffer.allocate(4096);
                    StringBuilder seen = new StringBuilder();
                    while (!seen.toString().contains("guest-ping")) {
                        in.clear();
                        guest.read(in);
                        in.flip();
                        seen.append(StandardCharsets.UTF_8.decode(in));
                        String s = seen.toString();
                        int id = s.indexOf("\"id\":");
                        if (id >= 0 && !s.contains("answered")) {
                            String n = s.substring(id + 5, s.indexOf('}', id));
                            guest.write(ByteBuffer.wrap(("{\"return\": " + n + "}\n").getBytes(StandardCharsets.UTF_8)));
                            seen.append("answered");
                        }
                    }
                    guest.write(ByteBuffer.wrap("{\"return\": {}}\n".getBytes(StandardCharsets.UTF_8)));
                } catch (IOException ignored) {
                    // the test fails on its own
                }
            });
            answer.start();
            assertEquals("{\"return\":{}}", agent.command(JsonObject.of("execute", "guest-ping"), 5).toJson());
            answer.join(5000);
        }

        assertEquals(new AgentLifecycleEvent(dom.ref(), 2, 2), AgentChannels.portChanged(rd, "channel0", false));
        assertEquals("disconnected", AgentChannels.agentChannel(rd.live()).state());
        assertNull(rd.agent());
        assertTrue(!agent.isRunning());
    }

    @Test
    void otherPortsChangeStateWithoutEvents() throws Exception {
        running("<channel type='unix'><source mode='bind' path='" + dir.resolve("other.sock") + "'/>"
                + "<target type='virtio' name='org.example.other'/></channel>" + agentChannel());
        assertNull(AgentChannels.portChanged(rd, "channel0", true));
        assertEquals("connected", rd.live().devices().channels().get(0).state());
        assertNull(rd.agent());
        assertNull(AgentChannels.portChanged(rd, "channel9", true));
    }

    @Test
    void aChannelThatCannotBeReachedMakesTheAgentUnavailable() throws Exception {
        running(agentChannel());
        assertNotNull(AgentChannels.portChanged(rd, "channel0", true));
        VirtException e = assertThrows(VirtException.class, () -> AgentChannels.require(rd));
        assertEquals("Guest agent is not responding: QEMU guest agent is not available due to an error",
                e.getMessage());
        AgentChannels.portChanged(rd, "channel0", false);
        e = assertThrows(VirtException.class, () -> AgentChannels.require(rd));
        assertEquals("Guest agent is not responding: QEMU guest agent is not connected", e.getMessage());
    }
}
