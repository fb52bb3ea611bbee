package org.virtd.core.driver;

import org.virtd.rpc.program.Procedure;

/** Where a driver binds its handlers: one {@code on(...)} line per procedure it implements. */
public interface HandlerTable {
    <A, R> void on(Procedure<A, R> procedure, Handler<A, R> handler);
}
