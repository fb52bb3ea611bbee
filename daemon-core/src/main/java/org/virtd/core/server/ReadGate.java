package org.virtd.core.server;

import io.netty.buffer.ByteBuf;
import org.virtd.core.peer.Peer;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.IntSupplier;

/**
 * Decides when a client may be read (libvirt reads a client only while it has fewer than
 * {@code max_client_requests} calls in flight and flushes its replies first): a client with
 * that many calls running, or whose send queue is over its high-water mark, is no longer read,
 * and packets already read are held here in order until it is let through again. So a client
 * that pipelines calls without reading its replies costs the daemon a bounded amount of memory
 * and no workers, and nothing is ever dropped.
 *
 * <p>Packets arrive and are released on the connection's event loop; calls finish on workers,
 * which hop to the event loop only when the gate is shut.
 */
final class ReadGate {
    private final Peer peer;
    private final IntSupplier maxInFlight;
    private final Consumer<ByteBuf> deliver;
    /** Event loop only. */
    private final ArrayDeque<ByteBuf> held = new ArrayDeque<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean shut;
    /** Event loop only: false while the transport says the send queue is over its high-water mark. */
    private boolean writable = true;
    /** Event loop only: true while whoever serves the packets cannot take more (a forwarder's peer). */
    private boolean heldBack;

    ReadGate(Peer peer, IntSupplier maxInFlight, Consumer<ByteBuf> deliver) {
        this.peer = peer;
        this.maxInFlight = maxInFlight;
        this.deliver = deliver;
    }

    /** A packet from the client (event loop): delivered now, or held while the gate is shut. */
    void offer(ByteBuf packet) {
        if (shut || mustWait()) {
            held.add(packet);
            shut();
            return;
        }
        deliver.accept(packet);
        if (mustWait()) {
            shut();
        }
    }

    void writabilityChanged(boolean nowWritable) {
        writable = nowWritable;
        if (!nowWritable) {
            shut();
        } else if (shut) {
            open();
        }
    }

    /** Holds the client back, or lets it go again (event loop). */
    void hold(boolean hold) {
        heldBack = hold;
        if (hold) {
            shut();
        } else if (shut) {
            open();
        }
    }

    void callStarted() {
        inFlight.incrementAndGet();
    }

    /** A call's reply is queued (any thread): if the gate is shut, try to open it on the event loop. */
    void callFinished() {
        inFlight.decrementAndGet();
        if (shut) {
            peer.executor().execute(this::open);
        }
    }

    int inFlight() {
        return inFlight.get();
    }

    /** The client is gone (event loop): held packets are released unread. */
    void discard() {
        ByteBuf b;
        while ((b = held.poll()) != null) {
            b.release();
        }
    }

    private boolean mustWait() {
        return inFlight.get() >= maxInFlight.getAsInt() || !writable || heldBack;
    }

    private void shut() {
        if (shut) {
            return;
        }
        shut = true;
        peer.setReading(false);
        // a call may have finished between mustWait() and shut = true without seeing the gate shut
        if (!mustWait()) {
            open();
        }
    }

    /** Delivers held packets while the client keeps up, then reads again if nothing is left held. */
    private void open() {
        if (!shut) {
            return;
        }
        while (!held.isEmpty()) {
            if (mustWait()) {
                return;
            }
            deliver.accept(held.poll());
        }
        if (!mustWait()) {
            shut = false;
            peer.setReading(true);
        }
    }
}
