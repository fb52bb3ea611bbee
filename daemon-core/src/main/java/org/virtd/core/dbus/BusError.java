package org.virtd.core.dbus;

import java.io.IOException;

/** An error reply to a method call: the D-Bus error name and its message. */
public final class BusError extends IOException {
    public static final String UNKNOWN_METHOD = "org.freedesktop.DBus.Error.UnknownMethod";

    private final String name;

    public BusError(String name, String message) {
        super(message);
        this.name = name;
    }

    public String name() {
        return name;
    }
}
