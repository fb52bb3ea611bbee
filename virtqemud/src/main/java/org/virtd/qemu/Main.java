package org.virtd.qemu;

import org.virtd.core.daemon.DaemonIdentity;
import org.virtd.core.daemon.DaemonMain;
import org.virtd.core.forward.SecondaryServer;
import org.virtd.core.server.MainServer;
import org.virtd.qemu.driver.QemuDriver;

/** virtqemud: the QEMU driver daemon. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        DaemonMain.run(DaemonIdentity.VIRTQEMUD, SecondaryServer.around(MainServer.driver(QemuDriver::new)), args);
    }
}
