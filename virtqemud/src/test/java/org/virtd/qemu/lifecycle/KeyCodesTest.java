package org.virtd.qemu.lifecycle;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** send-key code sets to QEMU's qnum numbers (PC scancode set 1, extended keys 0x80 | code). */
class KeyCodesTest {

    @Test
    void linuxCodesAreScancodesUpToKeypadDotThenExtended() {
        assertEquals(OptionalInt.of(30), KeyCodes.toQnum(KeyCodes.LINUX, 30));
        assertEquals(OptionalInt.of(0xd3), KeyCodes.toQnum(KeyCodes.LINUX, 111));
        assertEquals(OptionalInt.of(0xb8), KeyCodes.toQnum(KeyCodes.LINUX, 100));
        assertEquals(OptionalInt.empty(), KeyCodes.toQnum(KeyCodes.LINUX, 1000));
    }

    @Test
    void otherSets() {
        assertEquals(OptionalInt.of(0xc8), KeyCodes.toQnum(KeyCodes.ATSET1, 0xe048));
        assertEquals(OptionalInt.of(0x1e), KeyCodes.toQnum(KeyCodes.USB, 4));
        assertEquals(OptionalInt.of(0x0b), KeyCodes.toQnum(KeyCodes.USB, 39));
        assertEquals(OptionalInt.of(0x58), KeyCodes.toQnum(KeyCodes.USB, 69));
        assertEquals(OptionalInt.of(77), KeyCodes.toQnum(KeyCodes.QNUM, 77));
        assertEquals(OptionalInt.empty(), KeyCodes.toQnum(3, 30));
        assertEquals("usb", KeyCodes.name(KeyCodes.USB));
    }
}
