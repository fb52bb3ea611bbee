package org.virtd.core.server;

import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.core.config.ServerSettings;
import org.virtd.core.testing.FakeDriver;
import org.virtd.core.testing.InProcessDaemon;
import org.virtd.core.testing.WireClient;
import org.virtd.rpc.keepalive.KeepaliveProgram;
import org.virtd.rpc.message.Header;
import org.virtd.rpc.remote.RemoteProgram;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A client that asked for keepalive and then goes silent is pinged, then dropped. */
class ServerKeepaliveTest {
    @TempDir
    Path dir;

    @Test
    void silentClientIsPingedThenClosed() throws Exception {
        ServerSettings fast = new ServerSettings(5000, 20, 1000, 1, 4, 1, 5, 1, 2);
        try (InProcessDaemon d = new InProcessDaemon(dir, new FakeDriver(), fast);
             WireClient c = WireClient.connect(d.rw)) {
            assertEquals(1, c.call(RemoteProgram.CONNECT_SUPPORTS_FEATURE, 10));
            int pings = 0;
            long start = System.nanoTime();
            ByteBuffer p;
            while ((p = c.readPacket()) != null) {
                Header h = Header.decode(Unpooled.wrappedBuffer(p));
                assertEquals(KeepaliveProgram.ID, h.program());
                assertEquals(KeepaliveProgram.PING.number(), h.procedure());
                pings++;
                if (System.nanoTime() - start > 20_000_000_000L) {
                    break;
                }
            }
            assertEquals(2, pings);
            assertNull(c.readPacket());
        }
    }
}
