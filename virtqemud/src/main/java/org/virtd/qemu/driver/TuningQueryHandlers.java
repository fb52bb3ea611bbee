package org.virtd.qemu.driver;

import org.virtd.rpc.remote.types.CountedParams;
import org.virtd.rpc.remote.types.TypedParam;

import java.util.List;

/** How the typed-parameter getters ({@code memtune}, {@code blkiotune}, {@code numatune}) answer. */
final class TuningQueryHandlers {

    private TuningQueryHandlers() {
    }

    /** The two-pass answer: the count when asked with 0, else the first {@code nparams} values. */
    static CountedParams counted(List<TypedParam> all, int nparams) {
        if (nparams == 0) {
            return new CountedParams(List.of(), all.size());
        }
        List<TypedParam> some = all.subList(0, Math.min(nparams, all.size()));
        return new CountedParams(some, some.size());
    }
}
