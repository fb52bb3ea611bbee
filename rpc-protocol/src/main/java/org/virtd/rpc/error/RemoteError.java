package org.virtd.rpc.error;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/**
 * {@code remote_error} (virNetMessageError), the body of every ERROR reply, with the field
 * order of wire-protocol.md §5. Decoding keeps raw numbers so errors from other daemons
 * (virtproxyd relays them) survive untouched. The optional domain and network fields are
 * never sent by libvirtd 9.0; they are decoded and dropped to keep the record small.
 */
public record RemoteError(int code, int domain, String message, int level,
                          String str1, String str2, String str3, int int1, int int2) {

    public static final int LEVEL_ERROR = 2;

    /**
     * The optional {@code remote_nonnull_domain dom} and {@code remote_nonnull_network net}
     * fields: decoded for framing only, always sent absent.
     */
    private static final XdrCodec<Object> SKIPPED_DOMAIN = Xdr.optional(
            Struct.of((String n, byte[] u, Integer i) -> (Object) null,
                    Xdr.STRING, o -> "", Xdr.UUID, o -> new byte[16], Xdr.INT, o -> -1));
    private static final XdrCodec<Object> SKIPPED_NETWORK = Xdr.optional(
            Struct.of((String n, byte[] u) -> (Object) null,
                    Xdr.STRING, o -> "", Xdr.UUID, o -> new byte[16]));

    /** The wire form: code, domain, message?, level, dom?, str1?, str2?, str3?, int1, int2, net?. */
    public static final XdrCodec<RemoteError> CODEC = Struct.of(
            (Integer code, Integer domain, String message, Integer level, Object dom, String str1, String str2,
             String str3, Integer int1, Integer int2, Object net) ->
                    new RemoteError(code, domain, message, level, str1, str2, str3, int1, int2),
            Xdr.INT, RemoteError::code,
            Xdr.INT, RemoteError::domain,
            Xdr.OPT_STRING, RemoteError::message,
            Xdr.INT, RemoteError::level,
            SKIPPED_DOMAIN, e -> null,
            Xdr.OPT_STRING, RemoteError::str1,
            Xdr.OPT_STRING, RemoteError::str2,
            Xdr.OPT_STRING, RemoteError::str3,
            Xdr.INT, RemoteError::int1,
            Xdr.INT, RemoteError::int2,
            SKIPPED_NETWORK, e -> null);

    /** The wire form of an error, filled the way libvirtd 9.0 fills it. */
    public static RemoteError of(VirtError e) {
        String template = e.raw() ? e.detail() : e.detail() == null ? e.code().bare : e.code().template;
        return new RemoteError(e.code().wire, e.domain().wire, e.message(), LEVEL_ERROR,
                template, e.detail(), null, -1, -1);
    }

    public static RemoteError of(ErrorCode code, ErrorDomain domain, String detail) {
        return of(new VirtError(code, domain, detail));
    }
}
