package org.virtd.qemu.qmp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

@Timeout(20)
class QmpClientTest {
    private static final Duration T = Duration.ofSeconds(5);

    @TempDir
    Path dir;
    ScriptedQmpPeer peer;
    final BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    final QmpEventListener recorder = new QmpEventListener() {
        @Override
        public void onEvent(QmpEvent event) {
            seen.add(event.name() + event.data().toJson());
        }

        @Override
        public void onClose(boolean eof) {
            seen.add("close eof=" + eof);
        }
    };

    @BeforeEach
    void peer() throws Exception {
        peer = new ScriptedQmpPeer(dir);
    }

    @AfterEach
    void noUnscriptedTraffic() throws Exception {
        peer.close();
        assertEquals(List.of(), peer.failures());
    }

    private QmpClient connect() throws VirtException {
        return QmpClient.connect(peer.path(), "t1", recorder, T);
    }

    @Test
    void handshakeThenCommandsWithIds() throws Exception {
        peer.handshake()
                .expect("query-status", "{\"return\":{\"status\":\"prelaunch\",\"running\":false}}")
                .expect("balloon", "{\"value\":67108864}", "{\"return\":{}}")
                .start();
        try (QmpClient qmp = connect()) {
            assertEquals(7002022, qmp.greeting().versionNumber());
            assertEquals(List.of("oob"), qmp.greeting().capabilities());
            JsonObject status = (JsonObject) qmp.execute("query-status", null);
            assertEquals("prelaunch", status.string("status", null));
            qmp.execute("balloon", JsonObject.of("value", 64L << 20));
        }
        assertEquals(List.of("libvirt-1", "libvirt-2", "libvirt-3"),
                peer.received().stream().map(c -> c.string("id", "")).toList());
        assertEquals("close eof=false", seen.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void qmpErrorBecomesLibvirtInternalError() throws Exception {
        peer.handshake().expect("device_del", "{\"error\":{\"class\":\"DeviceNotFound\","
                + "\"desc\":\"Device 'vcpu1' not found\"}}").start();
        try (QmpClient qmp = connect()) {
            QmpException e = assertThrows(QmpException.class,
                    () -> qmp.execute("device_del", JsonObject.of("id", "vcpu1")));
            assertEquals(QmpErrorClass.DEVICE_NOT_FOUND, e.errorClass());
            assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
            assertEquals(ErrorDomain.QEMU, e.error().domain());
            assertEquals("internal error: unable to execute QEMU command 'device_del': Device 'vcpu1' not found",
                    e.getMessage());
        }
    }

    @Test
    void unknownErrorClassStillTranslated() throws Exception {
        peer.handshake().expect("frob", "{\"error\":{\"class\":\"CommandNotFound\",\"desc\":\"The command frob has not been found\"}}")
                .expect("odd", "{\"error\":{\"class\":\"NewClass\",\"desc\":\"d\"}}").start();
        try (QmpClient qmp = connect()) {
            assertEquals(QmpErrorClass.COMMAND_NOT_FOUND,
                    assertThrows(QmpException.class, () -> qmp.execute("frob", null)).errorClass());
            assertEquals(QmpErrorClass.UNKNOWN,
                    assertThrows(QmpException.class, () -> qmp.execute("odd", null)).errorClass());
        }
    }

    @Test
    void eventsInOrderThenEofFailsWaitingCommand() throws Exception {
        peer.handshake()
                .send("{\"timestamp\":{\"seconds\":1700000000,\"microseconds\":5},\"event\":\"POWERDOWN\"}")
                .expect("system_powerdown", "{\"return\":{}}")
                .send("{\"timestamp\":{\"seconds\":1,\"microseconds\":2},\"event\":\"SHUTDOWN\","
                        + "\"data\":{\"guest\":true,\"reason\":\"guest-shutdown\"}}")
                .send("{\"timestamp\":{\"seconds\":1,\"microseconds\":3},\"event\":\"STOP\"}")
                .expect("query-status", null)
                .hangUp()
                .start();
        try (QmpClient qmp = connect()) {
            qmp.execute("system_powerdown", null);
            VirtException e = assertThrows(VirtException.class, () -> qmp.execute("query-status", null));
            assertEquals("internal error: End of file from qemu monitor (vm='t1')", e.getMessage());
            assertEquals("POWERDOWN{}", seen.poll(5, TimeUnit.SECONDS));
            assertEquals("SHUTDOWN{\"guest\":true,\"reason\":\"guest-shutdown\"}", seen.poll(5, TimeUnit.SECONDS));
            assertEquals("STOP{}", seen.poll(5, TimeUnit.SECONDS));
            assertEquals("close eof=true", seen.poll(5, TimeUnit.SECONDS));
            assertFalse(qmp.isOpen());
            assertTrue(qmp.sawEof());
            assertEquals(e.getMessage(), assertThrows(VirtException.class, () -> qmp.execute("cont", null)).getMessage());
        }
    }

    @Test
    void perCommandTimeoutDropsTheLateReply() throws Exception {
        peer.handshake()
                .expect("query-status", null)
                .pause(400)
                .send("{\"return\":{\"late\":true},\"id\":\"libvirt-2\"}")
                .expect("query-kvm", "{\"return\":{\"enabled\":false,\"present\":true}}")
                .start();
        try (QmpClient qmp = connect()) {
            VirtException e = assertThrows(VirtException.class,
                    () -> qmp.execute("query-status", null, Duration.ofMillis(200)));
            assertEquals(ErrorCode.OPERATION_TIMEOUT, e.code());
            assertTrue(e.getMessage().contains("'query-status'"), e.getMessage());
            JsonObject kvm = (JsonObject) qmp.execute("query-kvm", null);
            assertTrue(kvm.bool("present", false));
        }
    }

    @Test
    void rawPassthroughUsesOwnIdAndReturnsWholeReply() throws Exception {
        peer.handshake()
                .expect("query-status", "{\"return\":{\"status\":\"running\"}}")
                .expect("nope", "{\"error\":{\"class\":\"CommandNotFound\",\"desc\":\"The command nope has not been found\"}}")
                .start();
        try (QmpClient qmp = connect()) {
            JsonObject reply = qmp.executeRaw(JsonParser.parseObject("{\"execute\":\"query-status\",\"id\":\"mine\"}"), T);
            assertEquals("{\"return\":{\"status\":\"running\"},\"id\":\"libvirt-2\"}", reply.toJson());
            JsonObject err = qmp.executeRaw(JsonObject.of("execute", "nope"), T);
            assertEquals("CommandNotFound", err.object("error").string("class", ""));
        }
    }

    @Test
    void garbageFromQemuClosesTheConnection() throws Exception {
        peer.handshake().send("this is not json").start();
        try (QmpClient qmp = connect()) {
            assertEquals("close eof=false", seen.poll(5, TimeUnit.SECONDS));
            assertFalse(qmp.isOpen());
            assertInstanceOf(VirtException.class, assertThrows(VirtException.class, () -> qmp.execute("cont", null)));
        }
    }

    @Test
    void badGreetingFailsConnect() throws Exception {
        peer.greeting("{\"hello\":1}").start();
        VirtException e = assertThrows(VirtException.class, () -> QmpClient.connect(peer.path(), "t1", recorder, Duration.ofMillis(500)));
        assertEquals(ErrorCode.OPERATION_TIMEOUT, e.code());
    }

    @Test
    void missingSocketIsOperationFailed() {
        VirtException e = assertThrows(VirtException.class,
                () -> QmpClient.connect(dir.resolve("absent.sock"), "t1", recorder, T));
        assertEquals(ErrorCode.OPERATION_FAILED, e.code());
        assertTrue(e.getMessage().contains("absent.sock"), e.getMessage());
    }

    @Test
    void listenerMayIssueCommandsFromEvents() throws Exception {
        peer.handshake()
                .send("{\"timestamp\":{\"seconds\":1,\"microseconds\":2},\"event\":\"SHUTDOWN\",\"data\":{\"guest\":true}}")
                .expect("system_reset", "{\"return\":{}}")
                .start();
        BlockingQueue<Object> result = new LinkedBlockingQueue<>();
        // the event may arrive before connect() returns: the listener waits for its client
        java.util.concurrent.CompletableFuture<QmpClient> self = new java.util.concurrent.CompletableFuture<>();
        QmpEventListener fakeReboot = event -> {
            try {
                result.add(self.get(5, TimeUnit.SECONDS).execute("system_reset", null));
            } catch (VirtException e) {
                result.add(e);
            } catch (Exception e) {
                result.add(e.toString());
            }
        };
        self.complete(QmpClient.connect(peer.path(), "t1", fakeReboot, T));
        try (QmpClient qmp = self.get()) {
            assertEquals(JsonObject.EMPTY, result.poll(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void fakePeerReportsUnscriptedCommands() throws Exception {
        peer.handshake().start();
        try (QmpClient qmp = connect()) {
            assertThrows(VirtException.class, () -> qmp.execute("stop", null, Duration.ofMillis(200)));
        }
        assertTrue(peer.awaitDone(5000));
        assertEquals(1, peer.failures().size());
        peer.failures().clear();
    }
}
