package org.virtd.core.server;

import org.virtd.core.driver.Handler;
import org.virtd.core.driver.HandlerTable;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.program.Procedure;

import java.util.HashMap;
import java.util.Map;

/**
 * The handler table the dispatcher reads: procedure → bound handler. Core handlers are bound
 * first; a driver binding a procedure twice, or one the core owns, is a programming error caught
 * at start-up.
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

    private final Map<Procedure<?, ?>, Bound> bound = new HashMap<>();
    private volatile boolean sealed;

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
        return bound.get(procedure);
    }

    void seal() {
        sealed = true;
    }
}
