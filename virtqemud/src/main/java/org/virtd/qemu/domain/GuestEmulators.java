package org.virtd.qemu.domain;

import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * What define needs to know about the host's emulators (the {@code <guest>} part of
 * {@code virsh capabilities}, qemu-driver.md §9): the host arch, the emulator binary per guest
 * arch, and the machine resolver that turns an alias ({@code pc}) or a missing machine into
 * the canonical name ({@code pc-i440fx-7.2}), null when the emulator has no such machine.
 * The driver builds it from its QEMU probe; {@link #builtIn()} mirrors QEMU 7.2 on x86_64.
 *
 * @param machineResolver (arch, machine or null) → canonical machine or null
 */
public record GuestEmulators(String hostArch, Map<String, String> emulatorByArch,
                                BinaryOperator<String> machineResolver) {

    public GuestEmulators {
        emulatorByArch = Map.copyOf(emulatorByArch);
    }

    /** QEMU 7.2's x86 emulators at their Debian paths, with the pc/q35 aliases. */
    public static GuestEmulators builtIn() {
        return new GuestEmulators("x86_64",
                Map.of("x86_64", "/usr/bin/qemu-system-x86_64", "i686", "/usr/bin/qemu-system-i386"),
                GuestEmulators::qemu72Machine);
    }

    private static String qemu72Machine(String arch, String machine) {
        if (machine == null || machine.equals("pc")) {
            return "pc-i440fx-7.2";
        }
        if (machine.equals("q35")) {
            return "pc-q35-7.2";
        }
        if (machine.matches("pc-(i440fx|q35)-[0-9]+\\.[0-9]+") || machine.equals("isapc")
                || machine.equals("microvm")) {
            return machine;
        }
        return null;
    }

    /** The probed host: each guest arch's emulator and its machine names and aliases. */
    public static GuestEmulators from(org.virtd.qemu.caps.HostCapabilities host) {
        java.util.Map<String, String> emulators = new java.util.HashMap<>();
        host.guests().forEach(g -> emulators.put(g.arch(), g.emulatorPath().toString()));
        return new GuestEmulators(host.hostArch(), emulators, (arch, machine) -> {
            if (machine == null || machine.isEmpty()) {
                return host.defaultMachine(arch).orElse(null);
            }
            return host.supportsMachine(arch, machine) ? host.canonical(arch, machine) : null;
        });
    }

    /** The emulator binary for {@code arch}, or null when there is none. */
    public String emulator(String arch) {
        return emulatorByArch.get(arch);
    }

    public String canonicalMachine(String arch, String machine) {
        return machineResolver.apply(arch, machine);
    }
}
