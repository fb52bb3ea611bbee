package org.virtd.qemu.qmp;

import java.io.IOException;
import java.io.FileDescriptor;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.newsclub.net.unix.AFUNIXSocketAddress;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/**
 * One QMP monitor connection (libvirt's {@code qemuMonitor}, qemu-driver.md §5): connects to the
 * monitor socket, reads the greeting, negotiates with {@code qmp_capabilities}, then sends
 * commands with ids {@code libvirt-N} (N from 1 per connection) and waits for each reply with its
 * own timeout. A dedicated reader thread routes replies by id and hands events, in order, to a
 * second per-connection thread that calls the {@link QmpEventListener}; EOF fails every waiting
 * command with libvirt's "End of file from qemu monitor" and ends with {@code onClose(true)}.
 * Thread-safe; {@link #close()} is idempotent.
 */
public final class QmpClient implements AutoCloseable {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Largest single message accepted from QEMU. */
    public static final int MAX_MESSAGE = 32 << 20;
    private static final Logger LOG = LoggerFactory.getLogger(QmpClient.class);

    private final SocketChannel channel;
    private final String vmName;
    private final QmpEventListener listener;
    private final ExecutorService events;
    private final Map<String, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final CompletableFuture<QmpGreeting> greeting = new CompletableFuture<>();
    private final AtomicLong nextId = new AtomicLong(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Object writeLock = new Object();
    private final Thread reader;
    private volatile boolean eof;

    private QmpClient(SocketChannel channel, String vmName, QmpEventListener listener) {
        this.channel = channel;
        this.vmName = vmName;
        this.listener = listener == null ? QmpEventListener.NONE : listener;
        this.events = Executors.newSingleThreadExecutor(r -> daemon(r, "qmp-events-" + vmName));
        this.reader = daemon(this::readLoop, "qmp-reader-" + vmName);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /**
     * Connects and completes the handshake (greeting, then {@code qmp_capabilities}) within
     * {@code timeout}. Fails with OPERATION_FAILED when the socket cannot be reached.
     */
    public static QmpClient connect(Path socket, String vmName, QmpEventListener listener, Duration timeout)
            throws VirtException {
        SocketChannel ch;
        try {
            // junixsocket's channel, because handing QEMU a descriptor needs SCM_RIGHTS
            ch = AFUNIXSocketChannel.open();
            try {
                ch.connect(AFUNIXSocketAddress.of(socket));
            } catch (IOException e) {
                ch.close();
                throw e;
            }
        } catch (IOException e) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                    "failed to connect to monitor socket " + socket + ": " + e.getMessage(), e);
        }
        QmpClient client = new QmpClient(ch, vmName, listener);
        client.reader.start();
        try {
            client.awaitGreeting(timeout);
            client.execute("qmp_capabilities", null, timeout);
            return client;
        } catch (VirtException e) {
            client.close();
            throw e;
        }
    }

    private void awaitGreeting(Duration timeout) throws VirtException {
        try {
            greeting.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.QEMU,
                    "no QMP greeting from qemu monitor (vm='" + vmName + "') within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            throw unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted();
        }
    }

    public QmpGreeting greeting() {
        return greeting.getNow(null);
    }

    /** Runs a command with the default timeout; returns its {@code return} member. */
    public JsonValue execute(String command, JsonObject arguments) throws VirtException {
        return execute(command, arguments, DEFAULT_TIMEOUT);
    }

    /**
     * Runs {@code command} with optional {@code arguments}; returns the {@code return} member.
     * A QMP error becomes a {@link QmpException}; no reply in time an OPERATION_TIMEOUT error
     * (the late reply is dropped); a closed monitor INTERNAL_ERROR "End of file from qemu monitor".
     */
    public JsonValue execute(String command, JsonObject arguments, Duration timeout) throws VirtException {
        return run(command, arguments, timeout, null);
    }

    /**
     * Sends a caller-built command object (qemu-monitor-command passthrough) with our own id put
     * in place of any id it carries, and returns QEMU's whole reply, {@code error} included.
     */
    public JsonObject executeRaw(JsonObject command, Duration timeout) throws VirtException {
        String name = command.string("execute").orElse(command.string("exec-oob", "?"));
        return send(name, command, timeout);
    }

    /**
     * Runs {@code command} with {@code fd} passed alongside it (SCM_RIGHTS), as QEMU's
     * {@code getfd} and {@code add-fd} expect; the caller keeps and closes its own copy.
     */
    public JsonValue executeWithFd(String command, JsonObject arguments, FileDescriptor fd) throws VirtException {
        return run(command, arguments, DEFAULT_TIMEOUT, fd);
    }

    private JsonValue run(String command, JsonObject arguments, Duration timeout, FileDescriptor fd)
            throws VirtException {
        JsonObject msg = JsonObject.of("execute", command);
        if (arguments != null) {
            msg = msg.with("arguments", arguments);
        }
        JsonObject reply = send(command, msg, timeout, fd);
        if (reply.has("return")) {
            return reply.get("return");
        }
        throw QmpException.fromReply(command, reply);
    }

    private JsonObject send(String command, JsonObject msg, Duration timeout) throws VirtException {
        return send(command, msg, timeout, null);
    }

    private JsonObject send(String command, JsonObject msg, Duration timeout, FileDescriptor fd)
            throws VirtException {
        String id = "libvirt-" + nextId.getAndIncrement();
        CompletableFuture<JsonObject> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            failIfClosed();
            write(msg.with("id", id), fd);
            return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.QEMU, "QEMU command '" + command
                    + "' got no reply within " + timeout.toMillis() + " ms (vm='" + vmName + "')");
        } catch (ExecutionException e) {
            throw unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw interrupted();
        } finally {
            pending.remove(id);
        }
    }

    private void write(JsonObject msg, FileDescriptor fd) throws VirtException {
        ByteBuffer bytes = ByteBuffer.wrap((msg.toJson() + "\r\n").getBytes(StandardCharsets.UTF_8));
        try {
            synchronized (writeLock) {
                if (fd != null) {
                    ((AFUNIXSocketChannel) channel).setOutboundFileDescriptors(fd);
                }
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
            }
        } catch (IOException e) {
            throw closedError();
        }
    }

    private void failIfClosed() throws VirtException {
        if (closed.get()) {
            throw closedError();
        }
    }

    private VirtException closedError() {
        return eof ? new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                "End of file from qemu monitor (vm='" + vmName + "')")
                : new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                "qemu monitor is closed (vm='" + vmName + "')");
    }

    private VirtException interrupted() {
        return new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU,
                "interrupted while waiting for qemu monitor (vm='" + vmName + "')");
    }

    private static VirtException unwrap(ExecutionException e) {
        return e.getCause() instanceof VirtException v ? v
                : new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, String.valueOf(e.getCause()));
    }

    /** True until EOF or {@link #close()}. */
    public boolean isOpen() {
        return !closed.get();
    }

    /** True when the connection ended because QEMU closed it. */
    public boolean sawEof() {
        return eof;
    }

    private void readLoop() {
        QmpLineReader lines = new QmpLineReader(channel, MAX_MESSAGE);
        boolean endOfStream = false;
        try {
            String line;
            while ((line = lines.next()) != null) {
                dispatch(JsonParser.parseObject(line));
            }
            endOfStream = true;
        } catch (IOException | JsonParseException | IllegalArgumentException e) {
            if (!closed.get()) {
                LOG.warn("qemu monitor of '{}' unreadable, closing it: {}", vmName, e.getMessage());
            }
        } finally {
            shutdown(endOfStream && !closed.get());
        }
    }

    private void dispatch(JsonObject msg) {
        if (msg.has("QMP")) {
            greeting.complete(QmpGreeting.from(msg));
        } else if (msg.has("event")) {
            QmpEvent event = QmpEvent.from(msg);
            events.execute(() -> deliver(event));
        } else {
            String id = msg.string("id").orElse(null);
            CompletableFuture<JsonObject> waiter = id == null ? null : pending.get(id);
            if (waiter == null) {
                LOG.debug("dropping unexpected QMP reply on '{}': {}", vmName, msg.toJson());
            } else {
                waiter.complete(msg);
            }
        }
    }

    private void deliver(QmpEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.error("QMP event listener of '{}' failed on {}", vmName, event.name(), e);
        }
    }

    private void shutdown(boolean sawEof) {
        this.eof = sawEof;
        closed.set(true);
        try {
            channel.close();
        } catch (IOException ignored) {
            // already unusable
        }
        VirtException err = closedError();
        greeting.completeExceptionally(err);
        pending.values().forEach(f -> f.completeExceptionally(err));
        events.execute(() -> {
            try {
                listener.onClose(sawEof);
            } catch (RuntimeException e) {
                LOG.error("QMP close listener of '{}' failed", vmName, e);
            }
        });
        events.shutdown();
    }

    /** Closes the connection; the listener then gets {@code onClose(false)}. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        if (Thread.currentThread() != reader) {
            try {
                reader.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
