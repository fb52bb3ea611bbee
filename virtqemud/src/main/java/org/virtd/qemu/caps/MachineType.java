package org.virtd.qemu.caps;

/**
 * One entry of QMP {@code query-machines}: the canonical name ({@code pc-i440fx-7.2}), its
 * alias when it has one ({@code pc}), whether it is the emulator's default, its {@code cpu-max}
 * (capabilities XML {@code maxCpus}) and whether QEMU marks it deprecated.
 */
public record MachineType(String name, String alias, boolean isDefault, int maxCpus, boolean deprecated) {
}
