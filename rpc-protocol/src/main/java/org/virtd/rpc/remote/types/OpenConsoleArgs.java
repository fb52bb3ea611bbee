package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_open_console_args}: device alias (absent = first console), flags 1 FORCE, 2 SAFE. */
public record OpenConsoleArgs(DomainRef domain, String devName, int flags) {

    public static final XdrCodec<OpenConsoleArgs> CODEC = Struct.of(OpenConsoleArgs::new,
            DomainRef.CODEC, OpenConsoleArgs::domain,
            Xdr.OPT_STRING, OpenConsoleArgs::devName,
            Xdr.UINT, OpenConsoleArgs::flags);
}
