package org.virtd.vbox.driver;

import org.virtd.core.driver.DriverConnection;
import org.virtd.vbox.manage.VBoxVersion;

/**
 * A client's open {@code vbox:///session} (or {@code /system}) connection and the VirtualBox it
 * found; closing it tells the running-machine watch one client fewer is listening.
 */
record VBoxConnection(String uri, boolean readOnly, VBoxVersion version, Runnable onClose) implements DriverConnection {
    @Override
    public void close() {
        onClose.run();
    }
}
