package org.virtd.core.server;

import io.netty.buffer.ByteBuf;
import org.virtd.core.driver.PassedFd;
import org.virtd.core.event.EventRegistry;
import org.virtd.core.stream.ServerStream;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.RemoteError;
import org.virtd.rpc.message.Header;
import org.virtd.rpc.message.MessageStatus;
import org.virtd.rpc.message.MessageType;
import org.virtd.rpc.program.Procedure;
import org.virtd.rpc.program.Program;
import org.virtd.rpc.program.StreamKind;
import org.virtd.rpc.xdr.XdrCodec;
import org.virtd.rpc.xdr.XdrDecodeException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one dispatch path for every program, in libvirt's order (virnetserverprogram.c,
 * wire-protocol.md §6): keepalive first, then program and version, message type, call status,
 * procedure by number, authentication, argument decoding, open connection, read-only rule, bound
 * handler, and finally the handler on the event loop or a worker chosen by priority. Every
 * refusal answers with the request's serial; nothing here switches on procedure numbers.
 */
public final class Dispatcher implements FrameHandler {
    private final RpcServer server;
    private final Map<Long, Program> programs = new HashMap<>();
    private final BoundHandlers handlers = new BoundHandlers();
    private final EventRegistry events;
    private final boolean requiresOpen;

    /**
     * @param requiresOpen whether calls other than those declared {@code beforeOpen} need a
     *                     CONNECT_OPEN first (true for a driver daemon's main server)
     * @param bind         binds every handler; the table is sealed when it returns
     */
    public Dispatcher(RpcServer server, EventRegistry events, boolean requiresOpen, List<Program> served,
                      Consumer<BoundHandlers> bind) {
        this(server, events, requiresOpen, served, bind, false);
    }

    /**
     * @param bindInBackground binds on a thread of its own: calls wait until it is done, and
     *                         {@link #awaitReady} reports its failure
     */
    public Dispatcher(RpcServer server, EventRegistry events, boolean requiresOpen, List<Program> served,
                      Consumer<BoundHandlers> bind, boolean bindInBackground) {
        this.server = server;
        this.events = events;
        this.requiresOpen = requiresOpen;
        for (Program p : served) {
            programs.put(key(p.id(), p.version()), p);
        }
        if (bindInBackground) {
            handlers.bindInBackground(bind, server.name() + "-bind");
        } else {
            handlers.bindNow(bind);
        }
    }

    /** Returns once every handler is bound; rethrows what binding threw. */
    @Override
    public void awaitReady() {
        handlers.awaitSealed();
    }

    /** Where the handlers of this server register and raise events. */
    public EventRegistry events() {
        return events;
    }

    private Program program(int id, int version) {
        return programs.get(key(id, version));
    }

    private static long key(int id, int version) {
        return ((long) id << 32) | (version & 0xffffffffL);
    }

    @Override
    public void frame(Session session, ByteBuf packet) {
        Frame frame = Frame.of(packet);
        Header h = frame.header();
        MessageType type = h.messageType();
        List<PassedFd> fds = type == MessageType.CALL_WITH_FDS || type == MessageType.REPLY_WITH_FDS
                ? session.takeReceivedFds() : List.of();
        boolean owned = true;
        try {
            if (session.keepalive().handles(h)) {
                return;
            }
            Program program = program(h.program(), h.version());
            if (program == null) {
                if (type == MessageType.CALL || type == MessageType.CALL_WITH_FDS) {
                    session.replyError(h, ErrorTranslator.rpc("Cannot find program "
                            + Integer.toUnsignedString(h.program()) + " version " + Integer.toUnsignedString(h.version())));
                }
                return;
            }
            if (type == MessageType.STREAM) {
                owned = false;
                session.streams().incoming(h, frame.payload());
                return;
            }
            if (type != MessageType.CALL && type != MessageType.CALL_WITH_FDS) {
                return; // REPLY, MESSAGE, STREAM_HOLE or unknown from a client: dropped
            }
            owned = false;
            call(session, program, h, frame.payload(), fds);
        } finally {
            if (owned) {
                frame.release();
                PassedFd.closeAll(fds);
            }
        }
    }

    @Override
    public void disconnected(Session session) {
        events.forget(session);
    }

    /** Takes ownership of {@code payload} and {@code fds}: the call gets the descriptors, or they are closed. */
    private void call(Session session, Program program, Header h, ByteBuf payload, List<PassedFd> fds) {
        Procedure<?, ?> proc;
        Object args;
        boolean handedOn = false;
        try {
            if (h.status() != MessageStatus.OK.wire) {
                session.replyError(h, ErrorTranslator.rpc("Unexpected message status " + h.status()));
                return;
            }
            proc = program.procedure(h.procedure());
            if (proc == null || proc.kind() != org.virtd.rpc.program.ProcedureKind.CALL) {
                session.replyError(h, ErrorTranslator.rpc("unknown procedure: " + h.procedure()));
                return;
            }
            if (!session.authenticated() && !proc.beforeAuth()) {
                session.replyError(h, ErrorTranslator.rpc("authentication required"));
                return;
            }
            if (h.messageType() == MessageType.CALL_WITH_FDS && payload.readableBytes() >= 4) {
                payload.skipBytes(4); // the count; the transport has received the descriptors
            }
            try {
                args = proc.layoutKnown() ? proc.args().decode(payload) : null;
            } catch (XdrDecodeException e) {
                session.replyError(h, ErrorTranslator.rpc("Unable to decode message payload"));
                return;
            }
            RemoteError refusal = refusal(session, proc, args);
            if (refusal != null) {
                session.replyError(h, refusal);
                return;
            }
            BoundHandlers.Bound bound = handlers.get(proc);
            if (bound == null) {
                session.replyError(h, RemoteError.of(ErrorCode.NO_SUPPORT, proc.refusalDomain(), proc.api()));
                return;
            }
            handedOn = true;
            execute(session, h, bound, args, fds);
        } finally {
            payload.release();
            if (!handedOn) {
                PassedFd.closeAll(fds);
            }
        }
    }

    /** The checks libvirt makes after decoding and before the driver: open connection, read-only. */
    private RemoteError refusal(Session session, Procedure<?, ?> proc, Object args) {
        if (!proc.beforeOpen() && requiresOpen && session.connection() == null) {
            return RemoteError.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "hypervisor connection not open");
        }
        if (session.readOnly()) {
            @SuppressWarnings("unchecked")
            String denied = ((Procedure<Object, ?>) proc).readOnlyRefusal(args);
            if (denied != null) {
                return RemoteError.of(ErrorCode.OPERATION_DENIED, proc.refusalDomain(), denied);
            }
        }
        return null;
    }

    private void execute(Session session, Header h, BoundHandlers.Bound bound, Object args, List<PassedFd> fds) {
        Procedure<?, ?> proc = bound.procedure();
        ServerStream stream = proc.stream() != StreamKind.NONE ? session.streams().open(h) : null;
        Call call = new Call(session, h, proc, stream, events, fds);
        Runnable job = () -> run(call, bound, args, stream);
        session.callStarted();
        if (bound.mode() == BoundHandlers.Mode.INLINE) {
            job.run();
        } else {
            server.workers().execute(session.calls(), proc.priority(), job);
        }
    }

    private void run(Call call, BoundHandlers.Bound bound, Object args, ServerStream stream) {
        Session session = call.session();
        Header h = call.header();
        try {
            Object ret = bound.invoker().invoke(call, args);
            @SuppressWarnings("unchecked")
            XdrCodec<Object> codec = (XdrCodec<Object>) bound.procedure().ret();
            if (call.fds() != null) {
                session.replyWithFds(h, codec, ret, call.fds());
            } else {
                session.reply(h, codec, ret);
            }
            if (stream != null) {
                stream.activate();
            }
            if (call.afterReply() != null) {
                call.afterReply().run();
            }
        } catch (Throwable t) {
            if (stream != null) {
                session.streams().discard(stream);
            }
            PassedFd.closeAll(call.fds());
            session.replyError(h, ErrorTranslator.toWire(t, bound.procedure().api()));
        } finally {
            call.closeUntakenFds();
            session.callFinished();
        }
    }
}
