package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_save_image_get_xml_desc_args}: a save image's path and flags. */
public record SaveImageXmlArgs(String file, int flags) {

    public static final XdrCodec<SaveImageXmlArgs> CODEC = Struct.of(SaveImageXmlArgs::new,
            Xdr.STRING, SaveImageXmlArgs::file,
            Xdr.UINT, SaveImageXmlArgs::flags);
}
