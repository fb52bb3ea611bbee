package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_save_image_define_xml_args}: a save image, its replacement XML, flags. */
public record SaveImageDefineArgs(String file, String dxml, int flags) {

    public static final XdrCodec<SaveImageDefineArgs> CODEC = Struct.of(SaveImageDefineArgs::new,
            Xdr.STRING, SaveImageDefineArgs::file,
            Xdr.STRING, SaveImageDefineArgs::dxml,
            Xdr.UINT, SaveImageDefineArgs::flags);
}
