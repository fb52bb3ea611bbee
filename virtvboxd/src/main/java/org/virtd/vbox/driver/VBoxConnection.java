package org.virtd.vbox.driver;

import org.virtd.core.driver.DriverConnection;
import org.virtd.vbox.manage.VBoxVersion;

/** A client's open {@code vbox:///session} (or {@code /system}) connection and the VirtualBox it found. */
record VBoxConnection(String uri, boolean readOnly, VBoxVersion version) implements DriverConnection {
}
