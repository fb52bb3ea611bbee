package org.virtd.rpc.xdr;

/**
 * A payload that does not decode: truncated, over a declared maximum, or otherwise malformed.
 * The dispatcher answers it with libvirt's "Unable to decode message payload" (RPC error 39/7).
 */
public final class XdrDecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public XdrDecodeException(String message) {
        super(message, null, false, false);
    }
}
