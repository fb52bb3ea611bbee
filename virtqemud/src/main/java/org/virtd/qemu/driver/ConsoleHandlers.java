package org.virtd.qemu.driver;

import org.virtd.core.driver.HandlerTable;
import org.virtd.qemu.console.Consoles;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.RemoteProgram;

import java.util.function.Supplier;

/**
 * DOMAIN_OPEN_CONSOLE (proc 201, a two-way stream; wire-protocol.md §10): {@code virsh console}
 * gets the guest's serial pty bridged to the call's stream.
 */
public final class ConsoleHandlers {

    private final DomainLookup lookup;
    private final Supplier<Consoles> consoles;

    ConsoleHandlers(DomainLookup lookup, Supplier<Consoles> consoles) {
        this.lookup = lookup;
        this.consoles = consoles;
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
    }
}
