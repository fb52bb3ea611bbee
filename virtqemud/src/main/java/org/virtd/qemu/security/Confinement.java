package org.virtd.qemu.security;

import java.util.ArrayList;
import java.util.List;

/**
 * How one run of a guest is confined: the primary security model, the account QEMU runs as,
 * and the commands that go before QEMU's own argv: the private {@code /dev} ({@code namespace}),
 * then the change of account ({@code drop}); each ends in a command that execs the rest.
 */
public record Confinement(String model, QemuAccount account, boolean privileged, List<String> namespace,
                          List<String> drop) {

    public Confinement {
        namespace = List.copyOf(namespace);
        drop = List.copyOf(drop);
    }

    /** The whole prefix. */
    public List<String> wrapper() {
        return wrapper(List.of());
    }

    /**
     * The prefix with {@code middle} run inside the private {@code /dev} but still as root (the
     * cgroup join: it writes to cgroupfs, and runs after the device nodes are made so a devices
     * controller that refuses mknod does not stop them).
     */
    public List<String> wrapper(List<String> middle) {
        List<String> all = new ArrayList<>(namespace);
        all.addAll(middle);
        all.addAll(drop);
        return all;
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
