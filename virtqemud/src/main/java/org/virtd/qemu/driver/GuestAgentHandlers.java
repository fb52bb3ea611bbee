package org.virtd.qemu.driver;

import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.qemu.QemuProgram;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainRef;

import java.util.List;

/**
 * The calls answered by the QEMU guest agent ({@code virsh domtime}, {@code domhostname},
 * {@code guestinfo}, {@code qemu-agent-command}, {@code domifaddr --source agent}). Our guests
 * have no agent channel yet, so each answers as libvirtd does for such a guest: "domain is not
 * running" when it is off, "QEMU guest agent is not configured" when it runs. Address sources
 * that need no agent (DHCP leases, the host's ARP table) find nothing for user-mode NICs.
 */
final class GuestAgentHandlers {
    private static final int HOSTNAME_LEASE = 1;
    private static final int HOSTNAME_AGENT = 2;
    private static final int ADDRESSES_LEASE = 0;
    private static final int ADDRESSES_AGENT = 1;
    private static final int ADDRESSES_ARP = 2;

    private final DomainLookup lookup;

    GuestAgentHandlers(DomainLookup lookup) {
        this.lookup = lookup;
    }

    void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_GET_TIME, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainGetTime");
            throw notAvailable(a.domain());
        });
        t.on(RemoteProgram.DOMAIN_GET_HOSTNAME, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), HOSTNAME_LEASE | HOSTNAME_AGENT, "qemuDomainGetHostname");
            throw notAvailable(a.domain());
        });
        t.on(RemoteProgram.DOMAIN_GET_GUEST_INFO, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainGetGuestInfo");
            throw notAvailable(a.domain());
        });
        t.on(QemuProgram.DOMAIN_AGENT_COMMAND, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainQemuAgentCommand");
            throw notAvailable(a.domain());
        });
        t.on(RemoteProgram.DOMAIN_INTERFACE_ADDRESSES, (c, a) -> {
            DomainLookup.checkFlags(a.flags(), 0, "qemuDomainInterfaceAddresses");
            requireRunning(lookup.resolve(a.domain()));
            return switch (a.source()) {
                case ADDRESSES_LEASE, ADDRESSES_ARP -> List.of();
                case ADDRESSES_AGENT -> throw notConfigured();
                default -> throw new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU,
                        "Unknown IP address data source " + a.source());
            };
        });
    }

    private VirtException notAvailable(DomainRef ref) throws VirtException {
        requireRunning(lookup.resolve(ref));
        return notConfigured();
    }

    private static void requireRunning(DomainObject dom) throws VirtException {
        if (!dom.isActive()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running");
        }
    }

    private static VirtException notConfigured() {
        return new VirtException(ErrorCode.ARGUMENT_UNSUPPORTED, ErrorDomain.QEMU, "QEMU guest agent is not configured");
    }
}
