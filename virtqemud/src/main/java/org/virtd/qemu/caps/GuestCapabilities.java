package org.virtd.qemu.caps;

import java.nio.file.Path;
import java.util.List;

/**
 * One {@code <guest>} of capabilities XML (qemu-driver.md §9): os type hvm, the arch, its
 * emulator and machine list (default first; an aliased machine's alias is emitted right after it
 * as {@code <machine canonical='…' maxCpus='…'>alias</machine>}), and the domain types
 * ({@code qemu}, plus {@code kvm} when KVM is usable for this arch).
 */
public record GuestCapabilities(EmulatorCapabilities emulator, List<String> domainTypes) {

    public GuestCapabilities {
        domainTypes = List.copyOf(domainTypes);
    }

    public String arch() {
        return emulator.arch();
    }

    public Path emulatorPath() {
        return emulator.emulator();
    }

    public List<MachineType> machines() {
        return emulator.machines();
    }

    /** Word size for capabilities XML {@code <wordsize>}. */
    public int wordSize() {
        return switch (arch()) {
            case "i686", "armv7l", "ppc", "mips", "mipsel", "riscv32", "sparc" -> 32;
            default -> 64;
        };
    }
}
