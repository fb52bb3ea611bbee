package org.virtd.qemu.process;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What a status file records about a running domain (qemu-driver.md §7: the clone needs pid,
 * monitor path, id, state/reason and the live definition): the state and reason use libvirt's
 * names as in {@code <domstatus state='running' reason='booted'>}; {@code domainXml} is the live
 * domain XML, kept as opaque text.
 */
public record DomainStatus(String name, int id, long pid, Path emulator, Path monitorPath, String state,
        String reason, String domainXml) {

    public DomainStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(emulator, "emulator");
        Objects.requireNonNull(monitorPath, "monitorPath");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(domainXml, "domainXml");
        if (name.isEmpty() || name.contains("/")) {
            throw new IllegalArgumentException("bad domain name for a status file: '" + name + "'");
        }
    }

    public DomainStatus withState(String newState, String newReason) {
        return new DomainStatus(name, id, pid, emulator, monitorPath, newState, newReason, domainXml);
    }

    public DomainStatus withDomainXml(String xml) {
        return new DomainStatus(name, id, pid, emulator, monitorPath, state, reason, xml);
    }
}
