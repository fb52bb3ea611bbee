package org.virtd.conf.secondary;

import org.virtd.core.driver.HandlerTable;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;

import java.util.HexFormat;

/**
 * The lookups of network, storage, secret, node-device, nwfilter and host-interface objects when
 * no daemon serving them is reachable: each answers the "not found" error libvirtd's own driver
 * gives for a host without that object. virt-install relies on this: a disk path whose volume is
 * not found is used as an unmanaged file.
 */
public final class SecondaryLookupHandlers {

    public void bind(HandlerTable t) {
        t.on(RemoteProgram.NETWORK_LOOKUP_BY_NAME, (c, name) -> {
            throw notFound(ErrorCode.NO_NETWORK, ErrorDomain.NETWORK, "no network with matching name '" + name + "'");
        });
        t.on(RemoteProgram.NETWORK_LOOKUP_BY_UUID, (c, uuid) -> {
            throw notFound(ErrorCode.NO_NETWORK, ErrorDomain.NETWORK, "no network with matching uuid '" + uuid(uuid) + "'");
        });
        bindStorage(t);
        t.on(RemoteProgram.SECRET_LOOKUP_BY_UUID, (c, uuid) -> {
            throw notFound(ErrorCode.NO_SECRET, ErrorDomain.SECRET, "no secret with matching uuid '" + uuid(uuid) + "'");
        });
        t.on(RemoteProgram.SECRET_LOOKUP_BY_USAGE, (c, a) -> {
            throw notFound(ErrorCode.NO_SECRET, ErrorDomain.SECRET, "no secret with matching usage '" + a.usageId() + "'");
        });
        t.on(RemoteProgram.NODE_DEVICE_LOOKUP_BY_NAME, (c, name) -> {
            throw notFound(ErrorCode.NO_NODE_DEVICE, ErrorDomain.NODEDEV, "no node device with matching name '" + name + "'");
        });
        t.on(RemoteProgram.NWFILTER_LOOKUP_BY_NAME, (c, name) -> {
            throw notFound(ErrorCode.NO_NWFILTER, ErrorDomain.NWFILTER, "no nwfilter with matching name '" + name + "'");
        });
        t.on(RemoteProgram.NWFILTER_LOOKUP_BY_UUID, (c, uuid) -> {
            throw notFound(ErrorCode.NO_NWFILTER, ErrorDomain.NWFILTER, "no nwfilter with matching uuid '" + uuid(uuid) + "'");
        });
        t.on(RemoteProgram.NWFILTER_BINDING_LOOKUP_BY_PORT_DEV, (c, dev) -> {
            throw notFound(ErrorCode.NO_NWFILTER_BINDING, ErrorDomain.NWFILTER, "no nwfilter binding for port dev '" + dev + "'");
        });
        t.on(RemoteProgram.INTERFACE_LOOKUP_BY_NAME, (c, name) -> {
            throw notFound(ErrorCode.NO_INTERFACE, ErrorDomain.INTERFACE, "couldn't find interface named '" + name + "'");
        });
        t.on(RemoteProgram.INTERFACE_LOOKUP_BY_MAC_STRING, (c, mac) -> {
            throw notFound(ErrorCode.NO_INTERFACE, ErrorDomain.INTERFACE,
                    "couldn't find interface with MAC address '" + mac + "'");
        });
    }

    private static void bindStorage(HandlerTable t) {
        t.on(RemoteProgram.STORAGE_POOL_LOOKUP_BY_NAME, (c, name) -> {
            throw notFound(ErrorCode.NO_STORAGE_POOL, ErrorDomain.STORAGE, "no storage pool with matching name '" + name + "'");
        });
        t.on(RemoteProgram.STORAGE_POOL_LOOKUP_BY_UUID, (c, uuid) -> {
            throw notFound(ErrorCode.NO_STORAGE_POOL, ErrorDomain.STORAGE,
                    "no storage pool with matching uuid '" + uuid(uuid) + "'");
        });
        t.on(RemoteProgram.STORAGE_POOL_LOOKUP_BY_TARGET_PATH, (c, path) -> {
            throw notFound(ErrorCode.NO_STORAGE_POOL, ErrorDomain.STORAGE,
                    "no storage pool with matching target path '" + path + "'");
        });
        t.on(RemoteProgram.STORAGE_VOL_LOOKUP_BY_PATH, (c, path) -> {
            throw notFound(ErrorCode.NO_STORAGE_VOL, ErrorDomain.STORAGE, "no storage vol with matching path '" + path + "'");
        });
        t.on(RemoteProgram.STORAGE_VOL_LOOKUP_BY_KEY, (c, key) -> {
            throw notFound(ErrorCode.NO_STORAGE_VOL, ErrorDomain.STORAGE, "no storage vol with matching key " + key);
        });
    }

    private static VirtException notFound(ErrorCode code, ErrorDomain domain, String detail) {
        return new VirtException(code, domain, detail);
    }

    /** The UUID in its usual text form, as libvirt's messages print it. */
    static String uuid(byte[] raw) {
        String hex = HexFormat.of().formatHex(raw);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }
}
