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

    /** The optional {@code remote_nonnull_domain dom} field: decoded for framing only. */
    private static final XdrCodec<Object> SKIPPED_DOMAIN = Xdr.optional(
            Struct.of((String n, byte[] u, Integer i) -> (Object) null,
                    Xdr.STRING, o -> "", Xdr.UUID, o -> new byte[16], Xdr.INT, o -> -1));
    private static final XdrCodec<Object> SKIPPED_NETWORK = Xdr.optional(
            Struct.of((String n, byte[] u) -> (Object) null,
                    Xdr.STRING, o -> "", Xdr.UUID, o -> new byte[16]));

    /** The wire form: code, domain, message?, level, dom?, str1?, str2?, str3?, int1, int2, net?. */
    public static final XdrCodec<RemoteError> CODEC = new XdrCodec<>() {
        @Override
        public RemoteError decode(io.netty.buffer.ByteBuf in) {
            int code = Xdr.INT.decode(in);
            int domain = Xdr.INT.decode(in);
            String message = Xdr.OPT_STRING.decode(in);
            int level = Xdr.INT.decode(in);
            SKIPPED_DOMAIN.decode(in);
            String str1 = Xdr.OPT_STRING.decode(in);
            String str2 = Xdr.OPT_STRING.decode(in);
            String str3 = Xdr.OPT_STRING.decode(in);
            int int1 = Xdr.INT.decode(in);
            int int2 = Xdr.INT.decode(in);
            SKIPPED_NETWORK.decode(in);
            return new RemoteError(code, domain, message, level, str1, str2, str3, int1, int2);
        }

        @Override
        public void encode(io.netty.buffer.ByteBuf out, RemoteError e) {
            Xdr.INT.encode(out, e.code);
            Xdr.INT.encode(out, e.domain);
            Xdr.OPT_STRING.encode(out, e.message);
            Xdr.INT.encode(out, e.level);
            out.writeInt(0); // dom: absent
            Xdr.OPT_STRING.encode(out, e.str1);
            Xdr.OPT_STRING.encode(out, e.str2);
            Xdr.OPT_STRING.encode(out, e.str3);
            Xdr.INT.encode(out, e.int1);
            Xdr.INT.encode(out, e.int2);
            out.writeInt(0); // net: absent
        }
    };

    /** The wire form of an error, filled the way libvirtd 9.0 fills it. */
    public static RemoteError of(VirtError e) {
        String template = e.detail() == null ? e.code().bare : e.code().template;
        return new RemoteError(e.code().wire, e.domain().wire, e.message(), LEVEL_ERROR,
                template, e.detail(), null, -1, -1);
    }

    public static RemoteError of(ErrorCode code, ErrorDomain domain, String detail) {
        return of(new VirtError(code, domain, detail));
    }
}
