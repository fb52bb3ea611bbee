package org.virtd.core.server;

import org.virtd.core.driver.CallContext;
import org.virtd.core.driver.ClientLink;
import org.virtd.core.driver.ClientIdentity;
import org.virtd.core.driver.DriverConnection;
import org.virtd.core.driver.EventSink;
import org.virtd.core.driver.StreamChannel;
import org.virtd.core.driver.PassedFd;
import org.virtd.core.event.EventRegistry;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.message.Header;
import org.virtd.rpc.program.Procedure;

import java.util.List;

/**
 * One call being served: the session it came from, its header and procedure, and the stream it
 * opens if it is a stream call. Handed to handlers as their {@link CallContext}.
 */
public final class Call implements CallContext {
    private final Session session;
    private final Header header;
    private final Procedure<?, ?> procedure;
    private final StreamChannel stream;
    private final EventRegistry events;
    private volatile List<PassedFd> fds;
    private volatile Runnable afterReply;

    /** What the client sent with its call (CALL_WITH_FDS); a slot is null once taken. */
    private final PassedFd[] received;

    Call(Session session, Header header, Procedure<?, ?> procedure, StreamChannel stream, EventRegistry events,
         List<PassedFd> received) {
        this.received = received.toArray(new PassedFd[0]);
        this.session = session;
        this.header = header;
        this.procedure = procedure;
        this.stream = stream;
        this.events = events;
    }

    /**
     * Runs {@code action} right after the successful reply has been handed to the transport
     * (not after an error reply): for what must follow the reply on the wire, like a handover.
     */
    public void afterReply(Runnable action) {
        this.afterReply = action;
    }

    Runnable afterReply() {
        return afterReply;
    }

    public Session session() {
        return session;
    }

    public Header header() {
        return header;
    }

    public Procedure<?, ?> procedure() {
        return procedure;
    }

    @Override
    public ClientIdentity identity() {
        return session.identity();
    }

    @Override
    public boolean readOnly() {
        return session.readOnly();
    }

    @Override
    public DriverConnection connection() {
        return session.connection();
    }

    @Override
    public EventSink events() {
        return events;
    }

    @Override
    public StreamChannel stream() {
        return stream;
    }

    @Override
    public void replyWithFds(List<PassedFd> passed) {
        this.fds = java.util.List.copyOf(passed);
    }

    /** The descriptors the handler asked to send with the reply, or null. */
    List<PassedFd> fds() {
        return fds;
    }

    @Override
    public synchronized PassedFd takeReceivedFd(int slot) throws VirtException {
        if (slot < 0 || slot >= received.length || received[slot] == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "No FD available at slot " + slot);
        }
        PassedFd fd = received[slot];
        received[slot] = null;
        return fd;
    }

    /** Closes what the handler did not take (libvirt closes a message's descriptors with it). */
    synchronized void closeUntakenFds() {
        for (int i = 0; i < received.length; i++) {
            if (received[i] != null) {
                PassedFd.closeAll(List.of(received[i]));
                received[i] = null;
            }
        }
    }

    /** The same link for every call of this client, so drivers can key registrations by it. */
    @Override
    public ClientLink client() {
        return session.link(events::newCallbackId);
    }
}
