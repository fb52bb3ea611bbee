package org.virtd.core.driver;

import org.virtd.rpc.error.VirtException;

/**
 * The body of one procedure: decoded arguments in, return value out, or a VirtException that
 * becomes the client's error. Runs on a worker thread and may block.
 */
@FunctionalInterface
public interface Handler<A, R> {
    R handle(CallContext context, A args) throws VirtException;
}
