package org.virtd.vbox.driver;

import org.virtd.rpc.error.VirtException;

/** The machines of the VirtualBox the last open found; handlers are bound before any open. */
@FunctionalInterface
interface MachinesSource {
    Machines get() throws VirtException;
}
