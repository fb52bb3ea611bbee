package org.virtd.qemu.driver;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.TypedParam;

import java.util.Map;

/** The names and types a setter accepts, checked as virTypedParamsValidate does. */
final class TypedParamRules {

    private TypedParamRules() {
    }

    static void check(Iterable<TypedParam> params, Map<String, TypedParam.Type> allowed) throws VirtException {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (TypedParam p : params) {
            TypedParam.Type want = allowed.get(p.field());
            if (want == null) {
                throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.NONE,
                        "parameter '" + p.field() + "' not supported");
            }
            if (!seen.add(p.field())) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                        "parameter '" + p.field() + "' occurs multiple times");
            }
            if (p.type() != want) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE, "invalid type '"
                        + p.type().label() + "' for parameter '" + p.field() + "', expected '" + want.label() + "'");
            }
        }
    }
}
