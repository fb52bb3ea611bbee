package org.virtd.vbox;

import org.virtd.core.daemon.DaemonIdentity;
import org.virtd.core.daemon.DaemonMain;
import org.virtd.core.forward.SecondaryServer;
import org.virtd.core.server.MainServer;
import org.virtd.vbox.driver.VBoxDriver;

/** virtvboxd's entry point (daemons.md §1): the shared daemon core hosting the VirtualBox driver. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        DaemonMain.run(DaemonIdentity.VIRTVBOXD, SecondaryServer.around(MainServer.driver(VBoxDriver::new)), args);
    }
}
