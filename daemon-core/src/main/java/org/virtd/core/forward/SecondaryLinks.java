package org.virtd.core.forward;

import io.netty.buffer.ByteBuf;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.core.server.Session;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.RemoteError;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.message.Header;
import org.virtd.rpc.message.Limits;
import org.virtd.rpc.message.MessageType;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.OpenArgs;
import org.virtd.rpc.remote.types.SetIdentityArgs;
import org.virtd.rpc.remote.types.TypedParam;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * One client's secondary connections, one per object kind, each opened when the client first
 * calls on that kind and closed with the client. While one opens, the client's calls of that
 * kind wait in order; if it cannot be opened they are answered here instead. Everything but
 * the opening runs on the client's event loop.
 */
final class SecondaryLinks {
    private static final Logger LOG = LoggerFactory.getLogger(SecondaryLinks.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final int OPEN_READ_ONLY = 1;
    private static final int TYPE_OFFSET = 16;
    private static final int SERIAL_OFFSET = 20;
    /** Opening blocks on the other daemon's answers, so it runs off the event loops. */
    private static final ExecutorService OPENERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "secondary-open");
        t.setDaemon(true);
        return t;
    });

    private final Session client;
    private final Path runDir;
    private final boolean privileged;
    private final Consumer<ByteBuf> local;
    private final Map<SecondaryKind, Slot> slots = new EnumMap<>(SecondaryKind.class);
    private boolean closed;

    SecondaryLinks(Session client, Path runDir, boolean privileged, Consumer<ByteBuf> local) {
        this.client = client;
        this.runDir = runDir;
        this.privileged = privileged;
        this.local = local;
    }

    /** A call (or stream packet) of {@code kind}: to its daemon when one serves it, else answered here. */
    void forward(SecondaryKind kind, ByteBuf packet) {
        Slot slot = slots.get(kind);
        if (slot == null) {
            boolean ro = client.readOnly();
            Path socket = kind.socket(runDir, ro, privileged);
            String uri = kind.uri(privileged);
            if (closed || uri == null || !Files.exists(socket)) {
                local.accept(packet);
                return;
            }
            slot = new Slot(kind);
            slots.put(kind, slot);
            Slot opening = slot;
            OPENERS.execute(() -> open(kind, opening, socket, uri, ro));
        }
        slot.take(packet);
    }

    private void open(SecondaryKind kind, Slot slot, Path socket, String uri, boolean ro) {
        BackendLink link = null;
        try {
            link = BackendLink.connect(client, socket, CONNECT_TIMEOUT, slot);
            link.call(RemoteProgram.AUTH_LIST, null, CALL_TIMEOUT);
            link.call(RemoteProgram.CONNECT_OPEN, new OpenArgs(uri, ro ? OPEN_READ_ONLY : 0), CALL_TIMEOUT);
            // the other daemon serves the client as the client, as libvirt's remoteOpenConn does
            List<TypedParam> identity = Forwarder.identity(client.identity(), client.peer().x509Dn());
            if (!identity.isEmpty()) {
                link.call(RemoteProgram.CONNECT_SET_IDENTITY, new SetIdentityArgs(identity, 0), CALL_TIMEOUT);
            }
        } catch (VirtException | RuntimeException e) {
            LOG.warn("{}: cannot open {} on {}, answering its {} calls here: {}", client, uri, socket,
                    kind.name().toLowerCase(), e.getMessage());
            if (link != null) {
                link.close();
            }
            link = null;
        }
        BackendLink opened = link;
        client.executor().execute(() -> opened(kind, slot, opened));
    }

    private void opened(SecondaryKind kind, Slot slot, BackendLink link) {
        if (link == null) {
            slots.remove(kind, slot); // the next call tries again
            slot.drainTo(local);
            return;
        }
        if (closed) {
            link.close();
            slot.drainTo(ByteBuf::release);
            return;
        }
        slot.link = link;
        link.startForwarding();
        slot.drainTo(slot::take);
    }

    void clientWritable(boolean writable) {
        for (Slot s : slots.values()) {
            if (s.link != null) {
                s.link.clientWritable(writable);
            }
        }
    }

    /** The client is gone; runs on its event loop. */
    void close() {
        client.executor().execute(() -> {
            closed = true;
            for (Slot s : slots.values()) {
                if (s.link != null) {
                    s.link.close();
                }
                s.drainTo(ByteBuf::release);
            }
            slots.clear();
        });
    }

    /**
     * One kind's connection: opening (calls queue) or open (calls pass). It keeps the calls the
     * daemon has not answered yet, so that if the daemon goes away they get an error instead of
     * waiting forever, and the next call of the kind opens a new connection.
     */
    private final class Slot implements BackendLink.Listener {
        private final SecondaryKind kind;
        private final Queue<ByteBuf> waiting = new ArrayDeque<>();
        private final Map<Integer, Header> unanswered = new HashMap<>();
        private BackendLink link;

        Slot(SecondaryKind kind) {
            this.kind = kind;
        }

        void take(ByteBuf packet) {
            if (link == null) {
                waiting.add(packet);
                return;
            }
            int type = packet.getInt(TYPE_OFFSET);
            if (type == MessageType.CALL.wire || type == MessageType.CALL_WITH_FDS.wire) {
                Header h = Header.decode(packet.duplicate().skipBytes(Limits.LEN_SIZE));
                unanswered.put(h.serial(), h);
            }
            link.forward(packet);
        }

        @Override
        public void toClient(ByteBuf packet) {
            int type = packet.getInt(TYPE_OFFSET);
            if (type == MessageType.REPLY.wire || type == MessageType.REPLY_WITH_FDS.wire) {
                unanswered.remove(packet.getInt(SERIAL_OFFSET));
            }
        }

        @Override
        public void closed() {
            if (link == null) {
                return; // the handshake failed; open() answers for it
            }
            LOG.info("{}: the {} daemon closed its connection; {} calls unanswered", client, kind.name().toLowerCase(),
                    unanswered.size());
            slots.remove(kind, this);
            for (Header call : unanswered.values()) {
                client.replyError(call, RemoteError.of(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC,
                        "End of file while reading data: Input/output error"));
            }
            unanswered.clear();
        }

        void drainTo(Consumer<ByteBuf> to) {
            ByteBuf p;
            while ((p = waiting.poll()) != null) {
                to.accept(p);
            }
        }
    }
}
