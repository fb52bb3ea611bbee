package org.virtd.conf.state;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/**
 * Which definitions a tuning call touches (libvirt's virDomainObjUpdateModificationImpact,
 * procedures.md §1d flag bits 1 LIVE, 2 CONFIG): CURRENT (neither bit) means the live one
 * when running and the persistent one otherwise; LIVE on an inactive domain and CONFIG on a
 * transient one are OPERATION_INVALID in the DOMAIN error domain.
 */
public record ModificationImpact(boolean live, boolean config) {

    public static final int AFFECT_LIVE = 1;
    public static final int AFFECT_CONFIG = 2;

    public static ModificationImpact of(DomainObj dom, int flags) throws VirtException {
        boolean active = dom.isActive();
        boolean live = (flags & AFFECT_LIVE) != 0;
        boolean config = (flags & AFFECT_CONFIG) != 0;
        if (!live && !config) {
            live = active;
            config = !active;
        }
        if (live && !active) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running");
        }
        if (config && !dom.isPersistent()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN,
                    "transient domains do not have any persistent config");
        }
        return new ModificationImpact(live, config);
    }
}
