package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_managed_save_define_xml_args}: the replacement XML (optional) and flags. */
public record ManagedSaveDefineArgs(DomainRef domain, String dxml, int flags) {

    public static final XdrCodec<ManagedSaveDefineArgs> CODEC = Struct.of(ManagedSaveDefineArgs::new,
            DomainRef.CODEC, ManagedSaveDefineArgs::domain,
            Xdr.OPT_STRING, ManagedSaveDefineArgs::dxml,
            Xdr.UINT, ManagedSaveDefineArgs::flags);
}
