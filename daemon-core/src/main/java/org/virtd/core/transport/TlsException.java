package org.virtd.core.transport;

/** A TLS set-up the daemon must refuse; the message is the text libvirt reports for the same fault. */
public final class TlsException extends Exception {
    private static final long serialVersionUID = 1L;

    public TlsException(String message) {
        super(message);
    }

    public TlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
