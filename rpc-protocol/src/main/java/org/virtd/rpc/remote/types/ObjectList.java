package org.virtd.rpc.remote.types;

import org.virtd.rpc.xdr.Struct;
import org.virtd.rpc.xdr.Xdr;
import org.virtd.rpc.xdr.XdrCodec;

import java.util.List;

/**
 * The return of the secondary drivers' list-all calls ({@code remote_connect_list_all_networks_ret}
 * and its storage-pool, interface, node-device, nwfilter and secret siblings): the objects
 * (empty when not asked for) and their count.
 */
public record ObjectList<T>(List<T> items, int ret) {

    public static <T> XdrCodec<ObjectList<T>> codec(XdrCodec<T> element, int max) {
        return Struct.of(ObjectList<T>::new, Xdr.array(element, max), ObjectList::items, Xdr.UINT, ObjectList::ret);
    }

    public static <T> ObjectList<T> empty() {
        return new ObjectList<>(List.of(), 0);
    }
}
