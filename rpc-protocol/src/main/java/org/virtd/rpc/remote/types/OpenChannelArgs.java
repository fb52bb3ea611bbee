package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_open_channel_args}: channel alias or virtio name (absent = the first channel), flags 1 FORCE. */
public record OpenChannelArgs(DomainRef domain, String name, int flags) {

    public static final XdrCodec<OpenChannelArgs> CODEC = Struct.of(OpenChannelArgs::new,
            DomainRef.CODEC, OpenChannelArgs::domain,
            Xdr.OPT_STRING, OpenChannelArgs::name,
            Xdr.UINT, OpenChannelArgs::flags);
}
