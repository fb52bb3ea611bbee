package org.virtd.core.driver;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/**
 * What a handler may know about the call it serves: who asked, whether the connection is
 * read-only, the driver connection it opened and where events and streams go. Never serials,
 * frames or channels.
 */
public interface CallContext {

    ClientIdentity identity();

    boolean readOnly();

    /** The connection this client opened; only calls that need an open connection see one. */
    DriverConnection connection();

    /** The driver's connection with its concrete type. */
    default <C extends DriverConnection> C connection(Class<C> type) {
        return type.cast(connection());
    }

    EventSink events();

    /**
     * The stream this call opens (procedures declared with a stream kind), for the handler to
     * attach its data source/sink to; null for other calls.
     */
    default StreamChannel stream() {
        return null;
    }

    /**
     * Sends {@code fds} to the client with this call's reply (REPLY_WITH_FDS); only UNIX socket
     * clients can receive them. Each is closed here once sent.
     */
    default void replyWithFds(java.util.List<PassedFd> fds) {
        throw new UnsupportedOperationException("this call context cannot pass file descriptors");
    }

    /**
     * Descriptor {@code slot} the client sent with this call (CALL_WITH_FDS); the caller owns it
     * from now on and closes it. Those not taken are closed when the call ends.
     */
    default PassedFd takeReceivedFd(int slot) throws VirtException {
        throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, "No FD available at slot " + slot);
    }

    /** The client this call came from, for drivers that register callbacks of their own. */
    default ClientLink client() {
        throw new IllegalStateException("this call context has no client");
    }
}
