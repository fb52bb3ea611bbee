package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_node_get_security_model_ret}: model and DOI as NUL-counted {@code char<257>} arrays. */
public record SecurityModel(String model, String doi) {

    public static final XdrCodec<SecurityModel> CODEC = Struct.of(SecurityModel::new,
            Xdr.countedChars(Limits.SECURITY_MODEL_MAX), SecurityModel::model,
            Xdr.countedChars(Limits.SECURITY_DOI_MAX), SecurityModel::doi);
}
