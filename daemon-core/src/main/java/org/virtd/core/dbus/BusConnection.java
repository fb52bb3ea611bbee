package org.virtd.core.dbus;

import org.newsclub.net.unix.AFUNIXSocket;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One connection to a message bus: connect, authenticate, say Hello, then method calls one at a
 * time, each waiting (bounded) for the reply or error with its serial; signals and other traffic
 * met meanwhile are dropped. Not thread-safe: callers serialise their calls.
 */
public final class BusConnection implements AutoCloseable {
    public static final String BUS_NAME = "org.freedesktop.DBus";
    private static final String BUS_PATH = "/org/freedesktop/DBus";

    private final AFUNIXSocket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Duration timeout;
    private long serial;

    private BusConnection(AFUNIXSocket socket, Duration timeout) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.timeout = timeout;
    }

    /** Connects to the bus at {@code address}; each step and each later call waits at most {@code timeout}. */
    public static BusConnection open(BusAddress address, Duration timeout) throws IOException {
        AFUNIXSocketAddress sa = address.abstractName()
                ? AFUNIXSocketAddress.inAbstractNamespace(address.path())
                : AFUNIXSocketAddress.of(Path.of(address.path()));
        AFUNIXSocket s = AFUNIXSocket.newInstance();
        try {
            s.connect(sa, (int) timeout.toMillis());
            s.setSoTimeout((int) timeout.toMillis());
            BusConnection c = new BusConnection(s, timeout);
            SaslExternal.authenticate(c.in, c.out, uid());
            c.call(BUS_NAME, BUS_PATH, BUS_NAME, "Hello", "", List.of()); // the bus talks to no one before it
            return c;
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /**
     * Calls {@code member} and returns the reply's values; an error reply is a {@link BusError},
     * no reply within the timeout an IOException.
     */
    public List<Object> call(String destination, String path, String iface, String member, String signature,
                             List<?> args) throws IOException {
        long mine = ++serial;
        out.write(Message.call(mine, destination, path, iface, member, signature, args).encode());
        out.flush();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new SocketTimeoutException("no reply to " + member + " within " + timeout.toMillis() + " ms");
            }
            socket.setSoTimeout((int) left);
            Message m;
            try {
                m = read();
            } catch (IllegalArgumentException e) {
                throw new IOException("malformed D-Bus message: " + e.getMessage(), e);
            }
            if (m.replySerial() != mine) {
                continue;
            }
            if (m.type() == Message.ERROR) {
                List<Object> a = m.signature().startsWith("s") ? m.arguments() : List.of("");
                throw new BusError(m.errorName(), (String) a.get(0));
            }
            if (m.type() == Message.METHOD_RETURN) {
                return m.arguments();
            }
        }
    }

    /** Whether {@code name} has an owner on the bus. */
    public boolean nameHasOwner(String name) throws IOException {
        return (Boolean) call(BUS_NAME, BUS_PATH, BUS_NAME, "NameHasOwner", "s", List.of(name)).get(0);
    }

    /** The names the bus could start on demand. */
    public List<?> activatableNames() throws IOException {
        return (List<?>) call(BUS_NAME, BUS_PATH, BUS_NAME, "ListActivatableNames", "", List.of()).get(0);
    }

    private Message read() throws IOException {
        byte[] head = new byte[Message.FIXED_HEADER];
        in.readFully(head);
        long size = Message.size(head);
        if (size > Message.MAX_SIZE) {
            throw new IOException("D-Bus message of " + size + " bytes refused");
        }
        byte[] all = java.util.Arrays.copyOf(head, (int) size);
        in.readFully(all, head.length, all.length - head.length);
        return Message.decode(all);
    }

    /** Our effective uid: the owner of our own /proc entry. */
    private static long uid() throws IOException {
        return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do with a connection that will not close
        }
    }
}
