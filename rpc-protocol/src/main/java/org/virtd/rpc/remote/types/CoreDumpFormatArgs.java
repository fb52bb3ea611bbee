package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_core_dump_with_format_args}: target file, dump format number and flags. */
public record CoreDumpFormatArgs(DomainRef domain, String to, int dumpformat, int flags) {

    public static final XdrCodec<CoreDumpFormatArgs> CODEC = Struct.of(CoreDumpFormatArgs::new,
            DomainRef.CODEC, CoreDumpFormatArgs::domain,
            Xdr.STRING, CoreDumpFormatArgs::to,
            Xdr.UINT, CoreDumpFormatArgs::dumpformat,
            Xdr.UINT, CoreDumpFormatArgs::flags);
}
