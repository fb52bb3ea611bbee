package org.virtd.core.driver;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtError;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.message.Limits;

/** Argument checks every driver makes the same way libvirt does. */
public final class Checks {
    private Checks() {
    }

    /** libvirt's virCheckFlags: unknown bits are INVALID_ARG naming the driver function. */
    public static void flags(int flags, int allowed, String function, ErrorDomain domain) throws VirtException {
        int unknown = flags & ~allowed;
        if (unknown != 0) {
            throw unsupportedFlags(unknown, function, domain);
        }
    }

    /** The error virCheckFlags raises, for checks that cannot use {@link #flags}. */
    public static VirtException unsupportedFlags(int unknown, String function, ErrorDomain domain) {
        return new VirtException(VirtError.verbatim(ErrorCode.INVALID_ARG, domain,
                String.format("unsupported flags (0x%x) in function %s", unknown, function)));
    }

    /** libvirt's virCheckNullArg: {@code arg} may not be given to {@code api}. */
    public static void mustBeNull(Object value, String arg, String api) throws VirtException {
        if (value != null) {
            throw VirtException.verbatim(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN, arg + " in " + api + " must be NULL");
        }
    }

    /** libvirt's virCheckNonNullArg: {@code api} needs {@code arg}. */
    public static void mustNotBeNull(Object value, String arg, String api) throws VirtException {
        if (value == null) {
            throw VirtException.verbatim(ErrorCode.INVALID_ARG, ErrorDomain.DOMAIN,
                    arg + " in " + api + " must not be NULL");
        }
    }

    /** The remote dispatcher's bound on legacy domain list sizes (an RPC error, not a driver one). */
    public static void domainListMax(int max, String message) throws VirtException {
        if (max > Limits.DOMAIN_LIST_MAX) {
            throw new VirtException(ErrorCode.RPC, ErrorDomain.RPC, message);
        }
    }
}
