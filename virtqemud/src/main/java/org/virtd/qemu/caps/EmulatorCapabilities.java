package org.virtd.qemu.caps;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What one {@code qemu-system-*} binary offers (one {@code <guest>} of capabilities XML,
 * qemu-driver.md §9): its path, libvirt arch name, version number and package string, whether
 * {@code query-kvm} reported KVM enabled in the probe, its machine types with the default
 * first, otherwise in QEMU's order, and the further probe answers domain capabilities need.
 */
public record EmulatorCapabilities(Path emulator, String arch, long version, String packageName,
        boolean kvmEnabled, List<MachineType> machines, ProbedFacts facts) {

    public EmulatorCapabilities {
        machines = List.copyOf(machines);
        facts = facts == null ? ProbedFacts.NONE : facts;
    }

    /** Capabilities known only by their machine list (tests, or a cache from before the facts). */
    public EmulatorCapabilities(Path emulator, String arch, long version, String packageName,
            boolean kvmEnabled, List<MachineType> machines) {
        this(emulator, arch, version, packageName, kvmEnabled, machines, ProbedFacts.NONE);
    }

    /** The default machine's canonical name ({@code pc-i440fx-7.2}), or null if QEMU has none. */
    public String defaultMachine() {
        return machines.stream().filter(MachineType::isDefault).map(MachineType::name).findFirst().orElse(null);
    }

    /** The machine with this canonical name or alias. */
    public Optional<MachineType> machine(String nameOrAlias) {
        return machines.stream()
                .filter(m -> m.name().equals(nameOrAlias) || nameOrAlias.equals(m.alias()))
                .findFirst();
    }

    /**
     * The canonical name for a machine type or alias ({@code pc} → {@code pc-i440fx-7.2});
     * null or empty gives the default machine; an unknown name is returned unchanged, as
     * libvirt does (whether it is supported is {@link #machine}'s question).
     */
    public String canonical(String nameOrAlias) {
        if (nameOrAlias == null || nameOrAlias.isEmpty()) {
            return defaultMachine();
        }
        return machine(nameOrAlias).map(MachineType::name).orElse(nameOrAlias);
    }

    /** libvirt's arch name for a QEMU target ({@code i386} → {@code i686}, {@code arm} → {@code armv7l}). */
    public static String archOfTarget(String qemuTarget) {
        return switch (qemuTarget) {
            case "i386" -> "i686";
            case "arm" -> "armv7l";
            default -> qemuTarget;
        };
    }
}
