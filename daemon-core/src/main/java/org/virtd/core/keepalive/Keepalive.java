package org.virtd.core.keepalive;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.core.peer.Outbound;
import org.virtd.rpc.keepalive.KeepaliveProgram;
import org.virtd.rpc.message.Header;
import org.virtd.rpc.message.MessageStatus;
import org.virtd.rpc.message.MessageType;
import org.virtd.rpc.xdr.Xdr;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One session's keepalive: answers the client's PINGs with PONGs (checked before dispatch, as
 * libvirt does) and, once the client has asked for feature 10, pings a silent client and closes
 * a dead one according to {@link KeepalivePolicy}. Runs on the session's event loop.
 */
public final class Keepalive {
    private static final Logger LOG = LoggerFactory.getLogger(Keepalive.class);

    private final Outbound session;
    private final int interval;
    private final int count;
    private volatile KeepalivePolicy policy;
    private ScheduledFuture<?> timer;

    public Keepalive(Outbound session, int intervalSeconds, int count) {
        this.session = session;
        this.interval = intervalSeconds;
        this.count = count;
    }

    /** True when the packet was keepalive traffic and has been dealt with. */
    public boolean handles(Header h) {
        if (h.program() != KeepaliveProgram.PROGRAM.id()) {
            return false;
        }
        if (h.version() != KeepaliveProgram.PROGRAM.version() || h.messageType() != MessageType.MESSAGE) {
            return false; // let the dispatcher answer like any other unknown program
        }
        if (h.procedure() == KeepaliveProgram.PING.number()) {
            session.send(Header.of(h.program(), h.version(), KeepaliveProgram.PONG.number(), MessageType.MESSAGE,
                    0, MessageStatus.OK), Xdr.VOID, null);
        }
        return true;
    }

    public void received() {
        KeepalivePolicy p = policy; // called on the event loop that owns the policy
        if (p != null) {
            p.received(System.nanoTime());
        }
    }

    /** Whether the client asked for keepalive (event loop only). */
    public boolean started() {
        return policy != null;
    }

    /** The client probed PROGRAM_KEEPALIVE: start pinging it when it goes quiet. */
    public void start() {
        if (interval <= 0 || policy != null) {
            return;
        }
        session.executor().execute(() -> {
            if (policy != null || session.isClosed()) {
                return;
            }
            policy = new KeepalivePolicy(interval, count, System.nanoTime());
            timer = session.executor().scheduleAtFixedRate(this::tick, interval, interval, TimeUnit.SECONDS);
        });
    }

    private void tick() {
        switch (policy.tick(System.nanoTime())) {
            case PING -> session.send(Header.of(KeepaliveProgram.PROGRAM.id(), KeepaliveProgram.PROGRAM.version(),
                    KeepaliveProgram.PING.number(), MessageType.MESSAGE, 0, MessageStatus.OK), Xdr.VOID, null);
            case DEAD -> {
                LOG.info("{} did not answer {} keepalive pings; closing it", session, count);
                session.close();
            }
            default -> {
            }
        }
    }

    public void stop() {
        session.executor().execute(() -> {
            if (timer != null) {
                timer.cancel(false);
            }
        });
    }
}
