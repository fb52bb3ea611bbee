package org.virtd.core.dbus;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BusAddressTest {
    @Test
    void systemBusFromTheEnvironmentOrTheWellKnownSocket() {
        assertEquals(new BusAddress("/var/run/dbus/system_bus_socket", false), BusAddress.system(Map.of()));
        assertEquals(new BusAddress("/tmp/b us", false),
                BusAddress.system(Map.of("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/tmp/b%20us,guid=1234")));
        assertEquals(new BusAddress("dbus-x", true), BusAddress.parse("tcp:host=h,port=1;unix:abstract=dbus-x"));
        assertThrows(IllegalArgumentException.class, () -> BusAddress.parse("tcp:host=localhost,port=1"));
    }

    @Test
    void externalAuthSendsTheUidsDigitsInHex() {
        assertEquals("AUTH EXTERNAL 30\r\n", SaslExternal.authCommand(0));
        assertEquals("AUTH EXTERNAL 31303030\r\n", SaslExternal.authCommand(1000));
    }
}
