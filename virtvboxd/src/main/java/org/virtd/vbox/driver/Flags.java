package org.virtd.vbox.driver;

import org.virtd.core.driver.Checks;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/** libvirt's virCheckFlags for the vbox driver: unknown bits are INVALID_ARG naming the driver function. */
final class Flags {
    private Flags() {
    }

    static void check(int flags, int allowed, String function) throws VirtException {
        Checks.flags(flags, allowed, function, ErrorDomain.VBOX);
    }
}
