package org.virtd.rpc.error;

/**
 * An error another daemon answered, carried as it arrived so it reaches the client unchanged
 * (code, domain, message and extra fields): what a forwarder throws when the daemon it opened a
 * client's connection on refuses it.
 */
public final class RemoteFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient RemoteError error;

    public RemoteFailure(RemoteError error) {
        super(error.message());
        this.error = error;
    }

    public RemoteError error() {
        return error;
    }
}
