package org.virtd.qemu.caps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class QemuVersionTest {

    @Test
    void libvirtVersionNumbers() {
        assertEquals(7002022, QemuVersion.parse("QEMU emulator version 7.2.22 (Debian 1:7.2+dfsg-7+deb12u18+b3)\nCopyright"));
        assertEquals(8001000, QemuVersion.parse("QEMU emulator version 8.1.0\n"));
        assertEquals(9000000, QemuVersion.parse("QEMU emulator version 9.0"));
        assertEquals(-1, QemuVersion.parse("bash: qemu: command not found"));
    }
}
