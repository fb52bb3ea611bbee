package org.virtd.core.dbus;

import java.util.Map;

/**
 * Where a bus listens: a unix socket path, or a name in the abstract namespace. The system bus is
 * {@code $DBUS_SYSTEM_BUS_ADDRESS} when set (as GLib reads it), else the well-known socket.
 * Of an address list ({@code ;}-separated) the first unix entry is used.
 */
public record BusAddress(String path, boolean abstractName) {
    public static final String SYSTEM_BUS_ENV = "DBUS_SYSTEM_BUS_ADDRESS";
    public static final String SYSTEM_BUS_DEFAULT = "unix:path=/var/run/dbus/system_bus_socket";

    /** The system bus of a process with {@code env} as its environment. */
    public static BusAddress system(Map<String, String> env) {
        String a = env.get(SYSTEM_BUS_ENV);
        return parse(a == null || a.isEmpty() ? SYSTEM_BUS_DEFAULT : a);
    }

    /** Parses a D-Bus address; IllegalArgumentException when it names no unix socket. */
    public static BusAddress parse(String address) {
        for (String entry : address.split(";")) {
            if (!entry.startsWith("unix:")) {
                continue;
            }
            for (String kv : entry.substring(5).split(",")) {
                int eq = kv.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String key = kv.substring(0, eq);
                String value = unescape(kv.substring(eq + 1));
                if (key.equals("path")) {
                    return new BusAddress(value, false);
                }
                if (key.equals("abstract")) {
                    return new BusAddress(value, true);
                }
            }
        }
        throw new IllegalArgumentException("no unix socket in D-Bus address '" + address + "'");
    }

    /** Address values escape bytes as %XX. */
    private static String unescape(String v) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '%' && i + 2 < v.length()) {
                out.write(Integer.parseInt(v.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                out.write(c);
            }
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
