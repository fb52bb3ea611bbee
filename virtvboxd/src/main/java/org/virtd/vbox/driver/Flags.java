package org.virtd.vbox.driver;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/** libvirt's virCheckFlags for the vbox driver: unknown bits are INVALID_ARG naming the driver function. */
final class Flags {
    private Flags() {
    }

    static void check(int flags, int allowed, String function) throws VirtException {
        int unknown = flags & ~allowed;
        if (unknown != 0) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.VBOX,
                    String.format("unsupported flags (0x%x) in function %s", unknown, function));
        }
    }
}
