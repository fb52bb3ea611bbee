package org.virtd.rpc.error;

import org.virtd.rpc.xdr.XdrEncodeException;

/**
 * An error as a handler reports it: code, domain and the detail that fills the code's template
 * (for NO_DOMAIN: {@code no domain with matching name 'x'}). Never carries a stack trace or a
 * cause across the wire; {@link RemoteError#of(VirtError)} makes the wire form.
 */
public record VirtError(ErrorCode code, ErrorDomain domain, String detail, boolean verbatim) {

    public VirtError(ErrorCode code, ErrorDomain domain, String detail) {
        this(code, domain, detail, false);
    }

    /**
     * An error whose message is the detail alone, without the code's template: what libvirt's
     * argument checks (virCheckFlags, virReportInvalidArg) raise, e.g. {@code unsupported flags
     * (0x1) in function qemuConnectGetSysinfo} with code INVALID_ARG but no "invalid argument:".
     */
    public static VirtError verbatim(ErrorCode code, ErrorDomain domain, String message) {
        return new VirtError(code, domain, message, true);
    }

    public String message() {
        return verbatim ? detail : code.format(detail);
    }

    /**
     * What libvirtd answers for a reply that does not fit its declaration: a list whose
     * declaration names its elements is refused as remote_daemon_dispatch.c refuses it before
     * encoding (INTERNAL_ERROR, {@code Too many domains '17000' for limit '16384'}); anything
     * else fails like libvirt's XDR encoder (RPC, "Unable to encode message payload"). Both are
     * raised in the RPC error domain.
     */
    public static VirtError encodeRefusal(XdrEncodeException e) {
        return e.noun() != null
                ? new VirtError(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC, e.getMessage())
                : new VirtError(ErrorCode.RPC, ErrorDomain.RPC, "Unable to encode message payload");
    }

    @Override
    public String toString() {
        return code + "/" + domain + ": " + message();
    }
}
