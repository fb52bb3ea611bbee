package org.virtd.conf.domain;

import java.util.List;

/**
 * The architecture names libvirt 9.0 knows (its virArch table): a definition naming any other
 * is refused while it is parsed, before any driver looks for an emulator.
 */
public final class Architectures {
    /** In libvirt's order, which is also the order capabilities lists guests in. */
    private static final List<String> KNOWN = List.of(
            "none", "alpha", "armv6l", "armv7l", "armv7b", "aarch64", "cris", "i686", "ia64", "lm32",
            "loongarch64", "m68k", "microblaze", "microblazeel", "mips", "mipsel", "mips64", "mips64el",
            "openrisc", "parisc", "parisc64", "ppc", "ppcle", "ppc64", "ppc64le", "ppcemb", "riscv32",
            "riscv64", "s390", "s390x", "sh4", "sh4eb", "sparc", "sparc64", "unicore32", "x86_64",
            "xtensa", "xtensaeb");

    private Architectures() {
    }

    public static boolean isKnown(String arch) {
        return KNOWN.contains(arch);
    }

    /** The position in libvirt's table; unknown names sort last. */
    public static int ordinal(String arch) {
        int i = KNOWN.indexOf(arch);
        return i < 0 ? KNOWN.size() : i;
    }
}
