package org.virtd.qemu.driver;

import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.console.Channels;
import org.virtd.qemu.console.Consoles;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;

import java.util.function.Supplier;

/**
 * DOMAIN_OPEN_CONSOLE (proc 201, a two-way stream; wire-protocol.md §10): {@code virsh console}
 * gets the guest's serial pty bridged to the call's stream; DOMAIN_OPEN_CHANNEL (proc 296) the same
 * for a channel's UNIX socket.
 */
public final class ConsoleHandlers {

    private final DomainLookup lookup;
    private final Supplier<Consoles> consoles;
    private final Supplier<Channels> channels;

    ConsoleHandlers(DomainLookup lookup, Supplier<Consoles> consoles, Supplier<Channels> channels) {
        this.lookup = lookup;
        this.consoles = consoles;
        this.channels = channels;
    }

    public void bind(HandlerTable t) {
        t.on(RemoteProgram.DOMAIN_OPEN_CONSOLE, (c, a) -> {
            Consoles cs = consoles.get();
            if (cs == null) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "the QEMU driver is still starting");
            }
            cs.open(lookup.resolve(a.domain()), a.devName(), a.flags(), c.stream());
            return null;
        });
        t.on(RemoteProgram.DOMAIN_OPEN_CHANNEL, (c, a) -> {
            Channels ch = channels.get();
            if (ch == null) {
                throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU,
                        "the QEMU driver is still starting");
            }
            ch.open(lookup.resolve(a.domain()), a.name(), a.flags(), c.stream());
            return null;
        });
    }
}
