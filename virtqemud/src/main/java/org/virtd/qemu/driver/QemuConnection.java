package org.virtd.qemu.driver;

import org.virtd.core.driver.DriverConnection;

/** A client's open {@code qemu:///system} (or {@code qemu:///session}) connection. */
public record QemuConnection(String uri, boolean readOnly) implements DriverConnection {
}
