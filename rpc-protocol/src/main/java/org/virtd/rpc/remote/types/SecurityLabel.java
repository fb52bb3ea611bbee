package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_domain_get_security_label_ret}: the label as a NUL-counted {@code char<4097>}. */
public record SecurityLabel(String label, int enforcing) {

    public static final XdrCodec<SecurityLabel> CODEC = Struct.of(SecurityLabel::new,
            Xdr.countedChars(Limits.SECURITY_LABEL_MAX), SecurityLabel::label,
            Xdr.INT, SecurityLabel::enforcing);
}
