package org.virtd.core.server;

import org.virtd.core.driver.Handler;
import org.virtd.core.driver.HandlerTable;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.program.Procedure;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The handler table the dispatcher reads: procedure → bound handler. Core handlers are bound
 * first; a driver binding a procedure twice, or one the core owns, is a programming error caught
 * at start-up.
 *
 * <p>A driver binds hundreds of handlers, each a lambda the JVM links on first use (about 40 ms
 * of a socket-activated daemon's start on a small host), so the table may be filled on a
 * thread of its own ({@link #bindInBackground}) while the daemon opens its listeners and starts
 * its driver; a lookup waits until the table is sealed.
 */
public final class BoundHandlers implements HandlerTable {

    /** How a bound handler runs: on the event loop (never blocks) or on a worker. */
    public enum Mode {
        INLINE,
        WORKER
    }

    /** One bound procedure, erased to Object so the dispatcher can call any of them. */
    public record Bound(Procedure<?, ?> procedure, Mode mode, Invoker invoker) {
    }

    @FunctionalInterface
    public interface Invoker {
        Object invoke(Call call, Object args) throws VirtException;
    }

    private static final long BIND_WAIT_SECONDS = 60;

    private final Map<Procedure<?, ?>, Bound> bound = new HashMap<>();
    private final CountDownLatch sealing = new CountDownLatch(1);
    private volatile boolean sealed;
    private volatile Throwable failure;

    @Override
    public <A, R> void on(Procedure<A, R> procedure, Handler<A, R> handler) {
        @SuppressWarnings("unchecked")
        Invoker invoker = (call, args) -> handler.handle(call, (A) args);
        put(procedure, Mode.WORKER, invoker);
    }

    /** Binds one of the daemon's own handlers. */
    public <A, R> void core(Procedure<A, R> procedure, Mode mode, CoreHandler<A, R> handler) {
        @SuppressWarnings("unchecked")
        Invoker invoker = (call, args) -> handler.handle(call, (A) args);
        put(procedure, mode, invoker);
    }

    private void put(Procedure<?, ?> procedure, Mode mode, Invoker invoker) {
        if (sealed) {
            throw new IllegalStateException("handlers are bound before the server starts: " + procedure);
        }
        if (!procedure.layoutKnown()) {
            throw new IllegalArgumentException(procedure + " has no declared layout; declare it before binding");
        }
        if (bound.putIfAbsent(procedure, new Bound(procedure, mode, invoker)) != null) {
            throw new IllegalStateException(procedure + " is bound twice");
        }
    }

    public Bound get(Procedure<?, ?> procedure) {
        if (!sealed) {
            awaitSealed();
        }
        return bound.get(procedure);
    }

    /** Binds with {@code bind} on the calling thread and seals the table. */
    void bindNow(Consumer<BoundHandlers> bind) {
        bind.accept(this);
        seal();
    }

    /** Binds with {@code bind} on a new thread; lookups and {@link #awaitSealed} wait for it. */
    void bindInBackground(Consumer<BoundHandlers> bind, String name) {
        Thread t = new Thread(() -> {
            try {
                bindNow(bind);
            } catch (RuntimeException | Error e) {
                failure = e;
                sealing.countDown();
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    /** Waits (bounded) until every handler is bound; a binding error is rethrown here. */
    void awaitSealed() {
        try {
            if (!sealing.await(BIND_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("handlers still binding after " + BIND_WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while handlers bind", e);
        }
        if (failure != null) {
            throw new IllegalStateException("binding the handlers failed: " + failure, failure);
        }
    }

    private void seal() {
        sealed = true;
        sealing.countDown();
    }
}
