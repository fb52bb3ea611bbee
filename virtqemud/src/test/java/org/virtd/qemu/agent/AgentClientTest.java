package org.virtd.qemu.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentClientTest {
    @TempDir
    Path dir;

    private static JsonObject cmd(String name) {
        return JsonObject.of("execute", name);
    }

    @Test
    void syncsOnceThenPassesCommandsAndReplies() throws Exception {
        try (FakeAgent fake = new FakeAgent(dir); AgentClient c = AgentClient.connect(fake.socket, "t")) {
            fake.answer = l -> l.contains("guest-get-time") ? "{\"return\": 1700000000123456789}" : "{\"return\": {}}";
            assertEquals("{\"return\":{}}", c.command(cmd("guest-ping"), AgentClient.DEFAULT).toJson());
            assertEquals("{\"return\":1700000000123456789}",
                    c.command(cmd("guest-get-time"), AgentClient.DEFAULT).toJson());
            assertEquals(1, fake.syncs());
            assertTrue(fake.received.get(0).startsWith("{\"execute\":\"guest-sync\", \"arguments\":{\"id\":"));
            assertEquals("{\"execute\":\"guest-ping\"}", fake.received.get(1));
        }
    }

    @Test
    void anErrorReplyNamesTheCommandAndTheAgentsText() throws Exception {
        try (FakeAgent fake = new FakeAgent(dir); AgentClient c = AgentClient.connect(fake.socket, "t")) {
            fake.answer = l -> "{\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"The command x has not been found\"}}";
            VirtException e = assertThrows(VirtException.class, () -> c.command(cmd("x"), AgentClient.DEFAULT));
            assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
            assertEquals("internal error: unable to execute QEMU agent command 'x': The command x has not been found",
                    e.getMessage());
            assertNull(c.commandIfSupported(cmd("x"), AgentClient.DEFAULT));
            fake.answer = l -> "{\"error\": {\"class\": \"QgaCommandFailed\"}}";
            e = assertThrows(VirtException.class, () -> c.commandIfSupported(cmd("y"), AgentClient.DEFAULT));
            assertEquals("internal error: unable to execute QEMU agent command 'y': Guest agent command failed",
                    e.getMessage());
        }
    }

    @Test
    void aTimeoutDropsTheLateReplyAndResyncs() throws Exception {
        try (FakeAgent fake = new FakeAgent(dir); AgentClient c = AgentClient.connect(fake.socket, "t")) {
            fake.answer = l -> null;
            VirtException e = assertThrows(VirtException.class, () -> c.command(cmd("slow"), 1));
            assertEquals(ErrorCode.AGENT_UNRESPONSIVE, e.code());
            assertEquals("Guest agent is not responding: Guest agent not available for now", e.getMessage());
            fake.send("{\"return\": \"late answer to slow\"}");
            fake.answer = l -> "{\"return\": \"pong\"}";
            assertEquals("{\"return\":\"pong\"}", c.command(cmd("guest-ping"), AgentClient.DEFAULT).toJson());
            assertEquals(2, fake.syncs());
        }
    }

    @Test
    void noWaitTimesOutAtOnce() throws Exception {
        try (FakeAgent fake = new FakeAgent(dir); AgentClient c = AgentClient.connect(fake.socket, "t")) {
            c.command(cmd("guest-ping"), AgentClient.DEFAULT);
            fake.answer = l -> null;
            VirtException e = assertThrows(VirtException.class, () -> c.command(cmd("guest-ping"), AgentClient.NOWAIT));
            assertEquals("Guest agent is not responding: Guest agent not available for now", e.getMessage());
        }
    }

    @Test
    void syncRepliesWithOtherIdsAreIgnored() throws Exception {
        try (FakeAgent fake = new FakeAgent(dir); AgentClient c = AgentClient.connect(fake.socket, "t")) {
            fake.syncAnswer = id -> "{\"return\": 12345}\n{\"return\": {\"stale\": true}}\n{\"return\": " + id + "}";
            fake.answer = l -> "{\"return\": 7}";
            assertEquals("{\"return\":7}", c.command(cmd("guest-fsfreeze-thaw"), AgentClient.DEFAULT).toJson());
        }
    }

    @Test
    void garbageOnTheFirstSyncIsRetried() throws Exception {
        try (FakeAgent fake = new FakeAgent(dir); AgentClient c = AgentClient.connect(fake.socket, "t")) {
            int[] n = {0};
            fake.syncAnswer = id -> n[0]++ == 0 ? "}{ half a message" : "{\"return\": " + id + "}";
            assertEquals("{\"return\":{}}", c.command(cmd("guest-ping"), AgentClient.DEFAULT).toJson());
            assertEquals(2, fake.syncs());
        }
    }

    @Test
    void theGuestGoingAwayEndsTheCommand() throws Exception {
        try (FakeAgent fake = new FakeAgent(dir); AgentClient c = AgentClient.connect(fake.socket, "t")) {
            c.command(cmd("guest-ping"), AgentClient.DEFAULT);
            fake.answer = l -> null;
            CompletableFuture<Void> bye = CompletableFuture.runAsync(() -> {
                try {
                    Thread.sleep(200);
                    fake.hangUp();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            VirtException e = assertThrows(VirtException.class, () -> c.command(cmd("x"), AgentClient.BLOCK));
            assertEquals("Guest agent is not responding: Guest agent disappeared while executing command",
                    e.getMessage());
            bye.get(5, TimeUnit.SECONDS);
            e = assertThrows(VirtException.class, () -> c.command(cmd("x"), AgentClient.DEFAULT));
            assertEquals("Guest agent is not responding: Guest agent disappeared while executing command",
                    e.getMessage());
        }
    }

    @Test
    void shutdownCompletesOnQemusEvent() throws Exception {
        try (FakeAgent fake = new FakeAgent(dir); AgentClient c = AgentClient.connect(fake.socket, "t")) {
            c.command(cmd("guest-ping"), AgentClient.DEFAULT);
            fake.answer = l -> null; // guest-shutdown has no reply: the guest just goes down
            CompletableFuture<Void> done = CompletableFuture.runAsync(() -> {
                try {
                    new GuestAgent(c).shutdown("powerdown");
                } catch (VirtException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(200);
            c.notifyEvent(AgentClient.Await.RESET); // not the awaited one
            Thread.sleep(100);
            assertTrue(!done.isDone());
            c.notifyEvent(AgentClient.Await.SHUTDOWN);
            done.get(5, TimeUnit.SECONDS);
            assertTrue(fake.received.get(fake.received.size() - 1)
                    .equals("{\"execute\":\"guest-shutdown\",\"arguments\":{\"mode\":\"powerdown\"}}"));
        }
    }
}
