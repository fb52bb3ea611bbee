package org.virtd.it.bench;

import org.virtd.core.testing.WireClient;
import org.virtd.rpc.remote.RemoteProgram;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Start-up benchmark probe (not a test): waits for SOCKET to exist, then connects — which makes
 * systemd-socket-activate launch the daemon — and times the first RPC exchange (AUTH_LIST,
 * CONNECT_OPEN, getLibVersion) from connect to reply. Prints milliseconds.
 *
 * <pre>FirstReply SOCKET URI</pre>
 */
public final class FirstReply {
    public static void main(String[] args) throws Exception {
        Path socket = Path.of(args[0]);
        // Load the client's own classes (the procedure tables, codecs) before timing the daemon.
        io.netty.buffer.ByteBuf warm = io.netty.buffer.Unpooled.buffer();
        org.virtd.rpc.message.Packets.encode(warm, org.virtd.rpc.message.Header.of(RemoteProgram.ID, 1, 1,
                org.virtd.rpc.message.MessageType.CALL, 0, org.virtd.rpc.message.MessageStatus.OK),
                RemoteProgram.CONNECT_OPEN.args(), new org.virtd.rpc.remote.types.OpenArgs(args[1], 0));
        RemoteProgram.CONNECT_GET_LIB_VERSION.ret().decode(io.netty.buffer.Unpooled.wrappedBuffer(new byte[8]));
        warm.release();
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Files.exists(socket) && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        long t0 = System.nanoTime();
        try (WireClient c = WireClient.connect(socket)) {
            c.open(args[1], 0);
            c.call(RemoteProgram.CONNECT_GET_LIB_VERSION, null);
            System.out.printf(java.util.Locale.ROOT, "%.1f%n", (System.nanoTime() - t0) / 1e6);
        }
    }
}
