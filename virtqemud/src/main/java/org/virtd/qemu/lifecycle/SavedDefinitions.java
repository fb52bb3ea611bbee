package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.DomainDef;
import org.virtd.rpc.error.VirtException;

/**
 * Turns the domain XML stored in a save image into a definition ready to start (parsed, QEMU
 * defaults applied); the driver supplies it, as only it knows the probed emulators.
 */
@FunctionalInterface
public interface SavedDefinitions {
    DomainDef parse(String xml) throws VirtException;
}
