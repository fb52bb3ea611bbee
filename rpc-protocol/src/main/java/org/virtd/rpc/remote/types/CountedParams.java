package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/**
 * Typed parameters followed by {@code int nparams}, the reply shape of the two-pass
 * "nparams" calls (procedures.md §1a): asked with {@code nparams = 0}, the list is empty and
 * {@code nparams} is the count; asked with the count, the list is filled.
 */
public record CountedParams(List<TypedParam> params, int nparams) {

    /** The codec for a reply whose list holds at most {@code max} parameters. */
    public static XdrCodec<CountedParams> codec(int max) {
        return Struct.of(CountedParams::new, TypedParam.list(max), CountedParams::params,
                Xdr.INT, CountedParams::nparams);
    }
}
