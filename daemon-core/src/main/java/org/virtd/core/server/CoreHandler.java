package org.virtd.core.server;

import org.virtd.rpc.error.VirtException;

/**
 * A handler of the daemon's own procedures (open, close, features, event registration, admin):
 * unlike a driver's {@link org.virtd.core.driver.Handler} it sees the whole {@link Call}, session
 * included.
 */
@FunctionalInterface
public interface CoreHandler<A, R> {
    R handle(Call call, A args) throws VirtException;
}
