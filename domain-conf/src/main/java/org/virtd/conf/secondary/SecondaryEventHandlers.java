package org.virtd.conf.secondary;

import org.virtd.core.driver.CallContext;
import org.virtd.core.driver.ClientLink;
import org.virtd.core.driver.HandlerTable;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Network, storage pool, node device and secret event callbacks when no daemon serving those
 * objects is reachable: event clients register them all on connect, so registering succeeds
 * (no such event will ever come) and each callback can be deregistered once, as on libvirtd.
 */
public final class SecondaryEventHandlers {

    /** The object kinds with events, their name in libvirt's messages and their event id limit in 9.0. */
    private enum Kind {
        NETWORK("network", 1),
        STORAGE_POOL("storage pool", 2),
        NODE_DEVICE("node device", 2),
        SECRET("secret", 2);

        final String noun;
        final int idLimit;

        Kind(String noun, int idLimit) {
            this.noun = noun;
            this.idLimit = idLimit;
        }
    }

    private record Callback(Kind kind, int id) {
    }

    private final Map<ClientLink, Set<Callback>> callbacks = new ConcurrentHashMap<>();

    public void bind(HandlerTable t) {
        t.on(RemoteProgram.CONNECT_NETWORK_EVENT_REGISTER_ANY, (c, a) -> register(c, Kind.NETWORK, a.eventId()));
        t.on(RemoteProgram.CONNECT_NETWORK_EVENT_DEREGISTER_ANY, (c, id) -> deregister(c, Kind.NETWORK, id));
        t.on(RemoteProgram.CONNECT_STORAGE_POOL_EVENT_REGISTER_ANY, (c, a) -> register(c, Kind.STORAGE_POOL, a.eventId()));
        t.on(RemoteProgram.CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY, (c, id) -> deregister(c, Kind.STORAGE_POOL, id));
        t.on(RemoteProgram.CONNECT_NODE_DEVICE_EVENT_REGISTER_ANY, (c, a) -> register(c, Kind.NODE_DEVICE, a.eventId()));
        t.on(RemoteProgram.CONNECT_NODE_DEVICE_EVENT_DEREGISTER_ANY, (c, id) -> deregister(c, Kind.NODE_DEVICE, id));
        t.on(RemoteProgram.CONNECT_SECRET_EVENT_REGISTER_ANY, (c, a) -> register(c, Kind.SECRET, a.eventId()));
        t.on(RemoteProgram.CONNECT_SECRET_EVENT_DEREGISTER_ANY, (c, id) -> deregister(c, Kind.SECRET, id));
    }

    private Integer register(CallContext c, Kind kind, int eventId) throws VirtException {
        if (eventId < 0 || eventId >= kind.idLimit) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                    "unsupported " + kind.noun + " event ID " + eventId);
        }
        ClientLink client = c.client();
        int id = client.newCallbackId();
        callbacks.computeIfAbsent(client, k -> {
            k.onClose(() -> callbacks.remove(k));
            return ConcurrentHashMap.newKeySet();
        }).add(new Callback(kind, id));
        return id;
    }

    private Void deregister(CallContext c, Kind kind, int callbackId) throws VirtException {
        Set<Callback> mine = callbacks.get(c.client());
        if (mine == null || !mine.remove(new Callback(kind, callbackId))) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.RPC,
                    kind.noun + " event callback " + callbackId + " not registered");
        }
        return null;
    }
}
