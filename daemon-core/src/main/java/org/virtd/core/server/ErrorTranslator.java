package org.virtd.core.server;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.RemoteError;
import org.virtd.rpc.error.RemoteFailure;
import org.virtd.rpc.error.VirtError;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.xdr.XdrDecodeException;
import org.virtd.rpc.xdr.XdrEncodeException;

/**
 * The one place any failure becomes a wire error (libvirt's virNetMessageSaveError with grpc's
 * fromThrowable): an error another daemon answered passes through as it came, a VirtException
 * keeps its error, an undecodable payload is libvirt's RPC
 * decode error, a reply over a declared limit is libvirt's refusal of it, running out of memory
 * is libvirt's {@code VIR_ERR_NO_MEMORY}, anything else is an internal error logged with its
 * stack and never sent.
 */
public final class ErrorTranslator {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorTranslator.class);

    private ErrorTranslator() {
    }

    public static RemoteError toWire(Throwable t, String procedure) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RemoteFailure r) {
                return r.error();
            }
            if (c instanceof VirtException v) {
                return RemoteError.of(v.error());
            }
            if (c instanceof XdrDecodeException) {
                return rpc("Unable to decode message payload");
            }
            if (c instanceof XdrEncodeException e) {
                return RemoteError.of(VirtError.encodeRefusal(e));
            }
            if (c instanceof OutOfMemoryError) {
                LOG.warn("{} failed: {}", procedure, c.toString());
                return RemoteError.of(ErrorCode.NO_MEMORY, ErrorDomain.RPC, null);
            }
        }
        LOG.error("{} failed unexpectedly", procedure, t);
        return RemoteError.of(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                procedure + " failed: " + t.getClass().getSimpleName()
                        + (t.getMessage() != null ? ": " + t.getMessage() : ""));
    }

    /** An RPC-layer error (code 39, domain 7) whose message is the detail itself. */
    public static RemoteError rpc(String detail) {
        return RemoteError.of(ErrorCode.RPC, ErrorDomain.RPC, detail);
    }
}
