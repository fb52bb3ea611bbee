package org.virtd.core.driver;

import java.io.IOException;
import java.nio.channels.ByteChannel;
import java.nio.file.Path;

/**
 * Connected pairs of UNIX stream sockets for a driver that hands one end to its client
 * ({@link CallContext#replyWithFds}, e.g. virDomainOpenGraphicsFD) and serves the other itself.
 * The client's end is a bare descriptor that is only ever closed, never shut down, so closing
 * the daemon's copy once it has been sent leaves the client's connection whole. The transport,
 * which owns the native socket code, installs the factory when it serves its first client.
 */
public final class ClientSocketPair {

    /** {@code passed} goes to the client; {@code local} is the daemon's blocking end. */
    public record Pair(PassedFd passed, ByteChannel local) {
    }

    /** Makes a pair through a listening socket in a scratch directory. */
    public interface Factory {
        Pair open(Path scratchDir) throws IOException;
    }

    private static volatile Factory factory;

    private ClientSocketPair() {
    }

    public static void install(Factory f) {
        factory = f;
    }

    public static Pair open(Path scratchDir) throws IOException {
        Factory f = factory;
        if (f == null) {
            throw new IOException("this daemon's transport cannot make socket pairs");
        }
        return f.open(scratchDir);
    }
}
