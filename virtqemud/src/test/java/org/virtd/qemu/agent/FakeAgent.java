package org.virtd.qemu.agent;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The guest side of an agent channel for tests, on a unix socket as QEMU offers it: answers each
 * line with what {@code answer} gives (null: no answer), and answers guest-sync itself unless
 * told otherwise. Records every line received.
 */
final class FakeAgent implements AutoCloseable {
    private static final Pattern SYNC_ID = Pattern.compile("\"guest-sync\".*\"id\":(\\d+)");

    final Path socket;
    final List<String> received = new CopyOnWriteArrayList<>();
    volatile Function<String, String> answer = line -> "{\"return\": {}}";
    volatile Function<String, String> syncAnswer = id -> "{\"return\": " + id + "}";
    private final ServerSocketChannel server;
    private volatile SocketChannel peer;
    private final Thread thread;

    FakeAgent(Path dir) throws IOException {
        socket = dir.resolve("agent.sock");
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        thread = new Thread(this::serve, "fake-agent");
        thread.setDaemon(true);
        thread.start();
    }

    private void serve() {
        try (SocketChannel ch = server.accept()) {
            peer = ch;
            StringBuilder line = new StringBuilder();
            ByteBuffer buf = ByteBuffer.allocate(4096);
            while (ch.read(buf) >= 0) {
                buf.flip();
                line.append(StandardCharsets.UTF_8.decode(buf));
                buf.clear();
                int nl;
                while ((nl = line.indexOf("\n")) >= 0) {
                    String l = line.substring(0, nl);
                    line.delete(0, nl + 1);
                    received.add(l);
                    Matcher m = SYNC_ID.matcher(l);
                    String reply = m.find() ? syncAnswer.apply(m.group(1)) : answer.apply(l);
                    if (reply != null) {
                        send(reply);
                    }
                }
            }
        } catch (IOException e) {
            // the test closed us
        }
    }

    void send(String text) throws IOException {
        ByteBuffer b = ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            peer.write(b);
        }
    }

    /** The guest side goes away (its port closed, QEMU gone). */
    void hangUp() throws IOException {
        SocketChannel p = peer;
        if (p != null) {
            p.close();
        }
    }

    long syncs() {
        return received.stream().filter(l -> l.contains("guest-sync")).count();
    }

    @Override
    public void close() throws IOException {
        hangUp();
        server.close();
    }
}
