package org.virtd.qemu.security;

import java.util.List;

/**
 * How one run of a guest is confined: the primary security model, the account QEMU runs as,
 * and the commands that go before QEMU's own argv (private {@code /dev}, then the change of account).
 */
public record Confinement(String model, QemuAccount account, boolean privileged, List<String> wrapper) {

    public Confinement {
        wrapper = List.copyOf(wrapper);
    }

    /** libvirt's {@code high-privileges} taint: a system daemon running QEMU as root or in group root. */
    public boolean highPrivileges() {
        return privileged && account.isRoot();
    }

    /** The label getSecurityLabel reports: the DAC one when DAC is primary, none otherwise. */
    public String label() {
        return "dac".equals(model) ? account.label() : "";
    }
}
