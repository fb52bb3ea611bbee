package org.virtd.rpc.remote.types;

import org.virtd.rpc.message.Limits;
import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/**
 * {@code remote_domain_get_security_label_list_ret}: one label per stacked security model, in the
 * order of the models, and their count.
 */
public record SecurityLabelList(List<SecurityLabel> labels, int ret) {

    public SecurityLabelList {
        labels = List.copyOf(labels);
    }

    public static final XdrCodec<SecurityLabelList> CODEC = Struct.of(SecurityLabelList::new,
            Xdr.array(SecurityLabel.CODEC, Limits.SECURITY_LABEL_LIST_MAX), SecurityLabelList::labels,
            Xdr.INT, SecurityLabelList::ret);
}
