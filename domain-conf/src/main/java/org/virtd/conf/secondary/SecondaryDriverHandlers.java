package org.virtd.conf.secondary;

import org.virtd.core.driver.HandlerTable;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.ObjectList;

import java.util.List;

/**
 * The network, storage, interface, node-device, nwfilter and secret listings that clients
 * (virt-manager, virt-install, python tools) ask for right after connecting. A hypervisor
 * daemon (virtqemud, virtvboxd) hosts none of those drivers, so it answers them as a host
 * without any such objects would: empty lists and zero counts, instead of failing the client's
 * start-up. When a daemon serving the kind is reachable, the core forwards these calls to it instead.
 */
public final class SecondaryDriverHandlers {

    /** The listings, lookups and event registrations, each answered as a host without such objects. */
    public static void bindAll(HandlerTable t) {
        new SecondaryDriverHandlers().bind(t);
        new SecondaryLookupHandlers().bind(t);
        new SecondaryEventHandlers().bind(t);
    }

    public void bind(HandlerTable t) {
        t.on(RemoteProgram.CONNECT_LIST_ALL_NETWORKS, (c, a) -> ObjectList.empty());
        t.on(RemoteProgram.CONNECT_LIST_ALL_STORAGE_POOLS, (c, a) -> ObjectList.empty());
        t.on(RemoteProgram.CONNECT_LIST_ALL_INTERFACES, (c, a) -> ObjectList.empty());
        t.on(RemoteProgram.CONNECT_LIST_ALL_NODE_DEVICES, (c, a) -> ObjectList.empty());
        t.on(RemoteProgram.CONNECT_LIST_ALL_NWFILTERS, (c, a) -> ObjectList.empty());
        t.on(RemoteProgram.CONNECT_LIST_ALL_SECRETS, (c, a) -> ObjectList.empty());
        t.on(RemoteProgram.CONNECT_NUM_OF_NETWORKS, (c, a) -> 0);
        t.on(RemoteProgram.CONNECT_NUM_OF_DEFINED_NETWORKS, (c, a) -> 0);
        t.on(RemoteProgram.CONNECT_LIST_NETWORKS, (c, max) -> List.of());
        t.on(RemoteProgram.CONNECT_LIST_DEFINED_NETWORKS, (c, max) -> List.of());
        t.on(RemoteProgram.CONNECT_NUM_OF_STORAGE_POOLS, (c, a) -> 0);
        t.on(RemoteProgram.CONNECT_NUM_OF_DEFINED_STORAGE_POOLS, (c, a) -> 0);
        t.on(RemoteProgram.CONNECT_LIST_STORAGE_POOLS, (c, max) -> List.of());
        t.on(RemoteProgram.CONNECT_LIST_DEFINED_STORAGE_POOLS, (c, max) -> List.of());
        t.on(RemoteProgram.CONNECT_NUM_OF_INTERFACES, (c, a) -> 0);
        t.on(RemoteProgram.CONNECT_NUM_OF_DEFINED_INTERFACES, (c, a) -> 0);
        t.on(RemoteProgram.CONNECT_LIST_INTERFACES, (c, max) -> List.of());
        t.on(RemoteProgram.CONNECT_LIST_DEFINED_INTERFACES, (c, max) -> List.of());
        t.on(RemoteProgram.CONNECT_NUM_OF_SECRETS, (c, a) -> 0);
        t.on(RemoteProgram.CONNECT_LIST_SECRETS, (c, max) -> List.of());
        t.on(RemoteProgram.CONNECT_NUM_OF_NWFILTERS, (c, a) -> 0);
        t.on(RemoteProgram.CONNECT_LIST_NWFILTERS, (c, max) -> List.of());
        t.on(RemoteProgram.NODE_NUM_OF_DEVICES, (c, a) -> 0);
        t.on(RemoteProgram.NODE_LIST_DEVICES, (c, a) -> List.of());
        t.on(RemoteProgram.CONNECT_LIST_ALL_NWFILTER_BINDINGS, (c, a) -> ObjectList.empty());
    }
}
