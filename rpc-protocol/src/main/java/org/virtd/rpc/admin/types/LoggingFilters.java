package org.virtd.rpc.admin.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code admin_connect_get_logging_filters_ret}: the filters, absent when none are set. */
public record LoggingFilters(String filters, int nfilters) {

    public static final XdrCodec<LoggingFilters> CODEC = Struct.of(LoggingFilters::new,
            Xdr.OPT_STRING, LoggingFilters::filters,
            Xdr.UINT, LoggingFilters::nfilters);
}
