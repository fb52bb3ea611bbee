package org.virtd.qemu.agent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.qemu.qmp.JsonNumber;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.JsonParseException;
import org.virtd.qemu.qmp.JsonParser;
import org.virtd.qemu.qmp.JsonValue;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One connection to a guest agent (libvirt's qemuAgent). QEMU listens on the channel's unix
 * socket and we connect; the agent inside the guest may have been restarted, may still be
 * answering an older client, or may not be there at all, so before the first command (and again
 * after a timeout) a {@code guest-sync} with a fresh id is sent and replies are ignored until
 * the one carrying that id arrives. One command at a time; a reply that arrives after its
 * command timed out is dropped. Waits: {@link #BLOCK} forever, {@link #DEFAULT} 5 s,
 * {@link #NOWAIT} not at all, a positive value that many seconds.
 */
public final class AgentClient implements AutoCloseable {
    public static final int BLOCK = -2;
    public static final int DEFAULT = -1;
    public static final int NOWAIT = 0;
    /** The wait libvirt gives guest-shutdown: the guest may take long to go down. */
    public static final int SHUTDOWN_WAIT = 60;
    private static final int DEFAULT_SECONDS = 5;
    private static final int MAX_LINE = 10 << 20;
    private static final int SUN_PATH = 108;
    private static final Logger LOG = LoggerFactory.getLogger(AgentClient.class);

    /** QEMU events a command may complete on instead of a reply (guest-shutdown has none). */
    public enum Await { NONE, SHUTDOWN, RESET }

    private final SocketChannel channel;
    private final ReentrantLock commandLock = new ReentrantLock(true);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Thread reader;
    private volatile int responseTimeout = DEFAULT;
    // guarded by lock
    private Pending pending;
    private boolean running = true;
    private boolean inSync;
    private Await awaited = Await.NONE;

    /** A command on the wire: sync ones match their id, the others take the first reply. */
    private static final class Pending {
        final long syncId;
        final boolean sync;
        final boolean first;
        JsonObject reply;
        boolean finished;

        Pending(boolean sync, long syncId, boolean first) {
            this.sync = sync;
            this.syncId = syncId;
            this.first = first;
        }
    }

    private AgentClient(SocketChannel channel, String vmName) {
        this.channel = channel;
        this.reader = new Thread(this::readLoop, "agent-reader-" + vmName);
        this.reader.setDaemon(true);
    }

    /** Connects to the agent channel's socket; the reader starts at once. */
    public static AgentClient connect(Path socket, String vmName) throws IOException {
        SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX);
        Path shortcut = null;
        try {
            if (socket.toString().getBytes(StandardCharsets.UTF_8).length >= SUN_PATH) {
                // too long for sun_path (QEMU was given it relative to its working directory):
                // connect through a short symlink, which connect(2) follows
                shortcut = Files.createTempDirectory("vq-agent");
                socket = Files.createSymbolicLink(shortcut.resolve("s"), socket);
            }
            ch.connect(UnixDomainSocketAddress.of(socket));
        } catch (IOException e) {
            ch.close();
            throw e;
        } finally {
            if (shortcut != null) {
                Files.deleteIfExists(shortcut.resolve("s"));
                Files.deleteIfExists(shortcut);
            }
        }
        AgentClient c = new AgentClient(ch, vmName);
        c.reader.start();
        return c;
    }

    /** The wait used by the typed commands (virDomainAgentSetResponseTimeout). */
    public int responseTimeout() {
        return responseTimeout;
    }

    public void responseTimeout(int seconds) {
        this.responseTimeout = seconds;
    }

    /** False once the connection ended (EOF, close, or the guest closed its port). */
    public boolean isRunning() {
        lock.lock();
        try {
            return running;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends {@code command} (an object with {@code execute}) and returns the agent's whole reply
     * object; an {@code error} reply fails with libvirt's "unable to execute QEMU agent command".
     */
    public JsonObject command(JsonObject command, int seconds) throws VirtException {
        return command(command, seconds, Await.NONE);
    }

    /** The same, for commands the guest answers by an event of QEMU instead (null then). */
    public JsonObject command(JsonObject command, int seconds, Await await) throws VirtException {
        return run(command, seconds, await, true);
    }

    /** The same, but null when the agent does not know or has disabled the command. */
    public JsonObject commandIfSupported(JsonObject command, int seconds) throws VirtException {
        return run(command, seconds, Await.NONE, false);
    }

    private JsonObject run(JsonObject command, int seconds, Await await, boolean reportUnsupported)
            throws VirtException {
        commandLock.lock();
        try {
            lock.lock();
            try {
                if (!running) {
                    throw disappeared();
                }
            } finally {
                lock.unlock();
            }
            sync();
            lock.lock();
            try {
                awaited = await;
            } finally {
                lock.unlock();
            }
            Pending p = new Pending(false, 0, false);
            JsonObject reply;
            try {
                reply = send(p, command.toJson(), seconds);
            } finally {
                lock.lock();
                try {
                    awaited = Await.NONE;
                } finally {
                    lock.unlock();
                }
            }
            if (reply == null) {
                if (await != Await.NONE) {
                    return null;
                }
                throw isRunning() ? new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                        "Missing agent reply object") : disappeared();
            }
            return AgentErrors.check(command, reply, reportUnsupported) ? reply : null;
        } finally {
            commandLock.unlock();
        }
    }

    /** QEMU raised {@code event}: completes a command that waits for it. */
    public void notifyEvent(Await event) {
        lock.lock();
        try {
            if (awaited == event && event != Await.NONE) {
                awaited = Await.NONE;
                if (pending != null && !pending.finished) {
                    pending.finished = true;
                    changed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void sync() throws VirtException {
        lock.lock();
        try {
            if (inSync) {
                return;
            }
        } finally {
            lock.unlock();
        }
        int custom = responseTimeout;
        int seconds = custom >= 0 && custom < DEFAULT_SECONDS ? custom : DEFAULT;
        boolean first = true;
        while (true) {
            long id = System.currentTimeMillis();
            Pending p = new Pending(true, id, first);
            JsonObject reply = send(p, "{\"execute\":\"guest-sync\", \"arguments\":{\"id\":" + id + "}}", seconds);
            if (reply != null) {
                break;
            }
            if (!first) {
                throw isRunning() ? new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                        "Missing agent reply object") : disappeared();
            }
            if (!isRunning()) {
                throw disappeared();
            }
            first = false; // garbage answered the first sync: the agent's parser is reset now
        }
        lock.lock();
        try {
            inSync = true;
        } finally {
            lock.unlock();
        }
    }

    /** Writes one line and waits for its reply; null when it finished without one. */
    private JsonObject send(Pending p, String line, int seconds) throws VirtException {
        long deadline = seconds == BLOCK ? 0
                : System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds == DEFAULT ? DEFAULT_SECONDS : seconds);
        lock.lock();
        try {
            pending = p;
            try {
                write(line + "\n");
            } catch (IOException e) {
                running = false;
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                        "Unable to write to agent: " + e.getMessage(), e);
            }
            while (!p.finished) {
                if (deadline == 0) {
                    changed.await();
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    inSync = false;
                    throw new VirtException(ErrorCode.AGENT_UNRESPONSIVE, ErrorDomain.QEMU,
                            "Guest agent not available for now");
                }
                changed.awaitNanos(left);
            }
            return p.reply;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "Unable to wait on agent socket condition: Interrupted system call");
        } finally {
            pending = null;
            lock.unlock();
        }
    }

    private void write(String text) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    private void readLoop() {
        ByteBuffer buf = ByteBuffer.allocate(4096);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try {
            while (true) {
                buf.clear();
                if (channel.read(buf) < 0) {
                    break;
                }
                buf.flip();
                while (buf.hasRemaining()) {
                    byte b = buf.get();
                    if (b == '\n') {
                        received(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else if (b != (byte) 0xFF) { // the delimiter of guest-sync-delimited
                        if (line.size() >= MAX_LINE) {
                            throw new IOException("No complete agent response found in " + MAX_LINE + " bytes");
                        }
                        line.write(b);
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("agent connection ended: {}", e.getMessage());
        }
        ended();
    }

    private void received(String text) {
        lock.lock();
        try {
            Pending p = pending;
            JsonValue v;
            try {
                v = JsonParser.parse(text.strip());
            } catch (JsonParseException e) {
                if (p != null && p.sync && p.first) {
                    p.finished = true; // an agent that was mid-message answers the first sync with garbage
                    changed.signalAll();
                }
                return;
            }
            if (!(v instanceof JsonObject o) || !(o.has("return") || o.has("error")) || p == null || p.finished) {
                return; // events, greetings, and replies to commands that timed out
            }
            if (p.sync && !(o.get("return") instanceof JsonNumber n && n.literal().equals(Long.toString(p.syncId)))) {
                return; // a late reply to something else
            }
            p.reply = o;
            p.finished = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void ended() {
        lock.lock();
        try {
            running = false;
            if (pending != null && !pending.finished) {
                pending.finished = true;
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private static VirtException disappeared() {
        return new VirtException(ErrorCode.AGENT_UNRESPONSIVE, ErrorDomain.QEMU,
                "Guest agent disappeared while executing command");
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        ended();
    }
}
