package org.virtd.core.transport;

import io.netty.channel.unix.DomainSocketAddress;
import io.netty.channel.unix.Socket;
import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.virtd.core.driver.ClientSocketPair;
import org.virtd.core.driver.ClientSocketPair.Pair;
import org.virtd.core.driver.PassedFd;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link ClientSocketPair}'s factory: the client's end is a Netty native socket (closed with a
 * plain close, never shut down), the daemon's end a junixsocket channel accepted from a
 * listening socket that lives only while the pair is made.
 */
final class UnixSocketPairs implements ClientSocketPair.Factory {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    static final UnixSocketPairs INSTANCE = new UnixSocketPairs();

    private UnixSocketPairs() {
    }

    /** Makes the pair through a listening socket in {@code scratchDir}, removed before returning. */
    @Override
    public Pair open(Path scratchDir) throws IOException {
        Path path = scratchDir.resolve("pair-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet()
                + ".sock");
        Socket clientEnd = null;
        try (AFUNIXServerSocketChannel listener = AFUNIXServerSocketChannel.open()) {
            listener.bind(AFUNIXSocketAddress.of(path));
            clientEnd = Socket.newSocketDomain();
            boolean connected = clientEnd.connect(new DomainSocketAddress(path.toString()));
            AFUNIXSocketChannel local = listener.accept();
            if (!connected) {
                clientEnd.finishConnect();
            }
            Socket passed = clientEnd;
            return new Pair(new PassedFd(passed.intValue(), passed::close), local);
        } catch (IOException | RuntimeException e) {
            if (clientEnd != null) {
                clientEnd.close();
            }
            throw e;
        } finally {
            Files.deleteIfExists(path);
        }
    }
}
