package org.virtd.qemu.cpu;

/** A cpu_map x86 feature: its name, its bits, and whether it survives migration. */
public record X86Feature(String name, CpuBits bits, boolean migratable) {
}
