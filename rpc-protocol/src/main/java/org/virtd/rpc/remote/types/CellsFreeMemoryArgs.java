package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

/** {@code remote_node_get_cells_free_memory_args}: the first NUMA cell and how many to report. */
public record CellsFreeMemoryArgs(int startCell, int maxcells) {

    public static final XdrCodec<CellsFreeMemoryArgs> CODEC = Struct.of(CellsFreeMemoryArgs::new,
            Xdr.INT, CellsFreeMemoryArgs::startCell,
            Xdr.INT, CellsFreeMemoryArgs::maxcells);
}
