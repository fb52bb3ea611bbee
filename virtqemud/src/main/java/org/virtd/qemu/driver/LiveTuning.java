package org.virtd.qemu.driver;

import org.virtd.qemu.domain.DomainObject;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/**
 * The LIVE half of setmem/setvcpus (QMP {@code balloon}, vCPU hot-plug; qemu-driver.md §5), which
 * the lifecycle code of a running domain provides. {@link DomainTuningHandlers} checks flags and
 * limits, takes the domain's lock and then calls it; the CONFIG half it does itself.
 */
public interface LiveTuning {

    /** Sets the running guest's balloon target; {@code kib} is within its maximum. */
    void setMemory(DomainObject dom, long kib) throws VirtException;

    /** Plugs or unplugs vCPUs of the running guest; {@code nvcpus} is within its maximum. */
    void setVcpus(DomainObject dom, int nvcpus) throws VirtException;

    /** The guest agent's count of online vCPUs (all of them with {@code maximum}). */
    default int guestVcpus(DomainObject dom, boolean maximum) throws VirtException {
        throw noAgent();
    }

    /** Brings {@code nvcpus} of the guest's vCPUs online through its agent. */
    default void setGuestVcpus(DomainObject dom, int nvcpus) throws VirtException {
        throw noAgent();
    }

    private static VirtException noAgent() {
        return new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU, "QEMU guest agent is not configured");
    }

    /** Until the running half is wired: live changes are refused. */
    LiveTuning UNSUPPORTED = new LiveTuning() {
        @Override
        public void setMemory(DomainObject dom, long kib) throws VirtException {
            throw unsupported("memory");
        }

        @Override
        public void setVcpus(DomainObject dom, int nvcpus) throws VirtException {
            throw unsupported("vCPU count");
        }

        private VirtException unsupported(String what) {
            return new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.QEMU,
                    "changing the " + what + " of a running domain is not supported");
        }
    };
}
