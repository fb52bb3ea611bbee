package org.virtd.core.server;

import org.virtd.core.driver.ClientLink;
import org.virtd.rpc.program.Procedure;

import java.util.function.IntSupplier;

/** A session as a driver that keeps its own callbacks sees it (one per session). */
final class SessionLink implements ClientLink {
    private final Session session;
    private final IntSupplier newCallbackId;

    SessionLink(Session session, IntSupplier newCallbackId) {
        this.session = session;
        this.newCallbackId = newCallbackId;
    }

    @Override
    public int newCallbackId() {
        return newCallbackId.getAsInt();
    }

    @Override
    public <M> void message(Procedure<M, Void> message, M body) {
        session.message(message, body);
    }

    @Override
    public boolean closed() {
        return session.isClosed();
    }

    @Override
    public void onClose(Runnable action) {
        session.onClose(action);
    }
}
