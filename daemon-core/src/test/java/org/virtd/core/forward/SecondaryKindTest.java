package org.virtd.core.forward;

import org.junit.jupiter.api.Test;
import org.virtd.rpc.program.Procedure;
import org.virtd.rpc.remote.RemoteProgram;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which REMOTE calls go to which secondary daemon, and where that daemon listens. */
class SecondaryKindTest {
    private static final Map<Integer, SecondaryKind> KINDS = SecondaryKind.byProcedure(RemoteProgram.PROGRAM);

    @Test
    void objectCallsAndConnectionWideCallsBelongToTheirKind() {
        assertEquals(SecondaryKind.NETWORK, kind(RemoteProgram.CONNECT_LIST_ALL_NETWORKS));
        assertEquals(SecondaryKind.NETWORK, kind(RemoteProgram.CONNECT_NUM_OF_DEFINED_NETWORKS));
        assertEquals(SecondaryKind.NETWORK, kind(RemoteProgram.NETWORK_LOOKUP_BY_NAME));
        assertEquals(SecondaryKind.NETWORK, kind(RemoteProgram.CONNECT_NETWORK_EVENT_REGISTER_ANY));
        assertEquals(SecondaryKind.NETWORK, number(404)); // NETWORK_LIST_ALL_PORTS
        assertEquals(SecondaryKind.STORAGE, kind(RemoteProgram.STORAGE_VOL_LOOKUP_BY_PATH));
        assertEquals(SecondaryKind.STORAGE, kind(RemoteProgram.CONNECT_LIST_ALL_STORAGE_POOLS));
        assertEquals(SecondaryKind.STORAGE, kind(RemoteProgram.CONNECT_STORAGE_POOL_EVENT_DEREGISTER_ANY));
        assertEquals(SecondaryKind.STORAGE, number(208)); // STORAGE_VOL_UPLOAD, and its stream packets
        assertEquals(SecondaryKind.STORAGE, number(75)); // CONNECT_FIND_STORAGE_POOL_SOURCES
        assertEquals(SecondaryKind.SECRET, kind(RemoteProgram.CONNECT_LIST_SECRETS));
        assertEquals(SecondaryKind.SECRET, kind(RemoteProgram.CONNECT_SECRET_EVENT_REGISTER_ANY));
        assertEquals(SecondaryKind.NODEDEV, kind(RemoteProgram.NODE_LIST_DEVICES));
        assertEquals(SecondaryKind.NODEDEV, kind(RemoteProgram.NODE_NUM_OF_DEVICES));
        assertEquals(SecondaryKind.NODEDEV, kind(RemoteProgram.CONNECT_LIST_ALL_NODE_DEVICES));
        assertEquals(SecondaryKind.NODEDEV, kind(RemoteProgram.NODE_DEVICE_LOOKUP_SCSI_HOST_BY_WWN));
        assertEquals(SecondaryKind.NWFILTER, kind(RemoteProgram.CONNECT_LIST_ALL_NWFILTER_BINDINGS));
        assertEquals(SecondaryKind.NWFILTER, kind(RemoteProgram.NWFILTER_BINDING_LOOKUP_BY_PORT_DEV));
        assertEquals(SecondaryKind.INTERFACE, kind(RemoteProgram.CONNECT_NUM_OF_DEFINED_INTERFACES));
        assertEquals(SecondaryKind.INTERFACE, number(220)); // INTERFACE_CHANGE_BEGIN
    }

    @Test
    void hypervisorCallsStayHere() {
        assertNull(kind(RemoteProgram.DOMAIN_INTERFACE_ADDRESSES));
        assertNull(kind(RemoteProgram.DOMAIN_INTERFACE_STATS));
        assertNull(kind(RemoteProgram.NODE_GET_INFO));
        assertNull(kind(RemoteProgram.CONNECT_OPEN));
        assertNull(number(301)); // NODE_DEVICE_DETACH_FLAGS: the QEMU driver detaches the device
        assertNull(number(118)); // NODE_DEVICE_DETTACH
        assertNull(number(315)); // NETWORK_EVENT_LIFECYCLE is a message from the daemon, not a call
        for (Procedure<?, ?> p : RemoteProgram.PROGRAM.procedures()) {
            if (p.name().startsWith("DOMAIN_") || p.name().startsWith("CONNECT_DOMAIN")) {
                assertNull(KINDS.get(p.number()), p.name());
            }
        }
    }

    @Test
    void everyKindHasCalls() {
        Map<SecondaryKind, Integer> counts = new EnumMap<>(SecondaryKind.class);
        KINDS.values().forEach(k -> counts.merge(k, 1, Integer::sum));
        assertEquals(SecondaryKind.values().length, counts.size());
        assertTrue(counts.get(SecondaryKind.STORAGE) > 30, counts.toString());
    }

    @Test
    void socketsAndUrisAreLibvirts() {
        Path run = Path.of("/run/libvirt");
        assertEquals(run.resolve("virtnetworkd-sock"), SecondaryKind.NETWORK.socket(run, false, true));
        assertEquals(run.resolve("virtstoraged-sock-ro"), SecondaryKind.STORAGE.socket(run, true, true));
        assertEquals(run.resolve("virtnodedevd-sock"), SecondaryKind.NODEDEV.socket(run, true, false));
        assertEquals("secret:///system", SecondaryKind.SECRET.uri(true));
        assertEquals("interface:///session", SecondaryKind.INTERFACE.uri(false));
        assertNull(SecondaryKind.NWFILTER.uri(false), "nwfilter has no per-user driver");
    }

    private static SecondaryKind kind(Procedure<?, ?> p) {
        return KINDS.get(p.number());
    }

    private static SecondaryKind number(int n) {
        return KINDS.get(n);
    }
}
