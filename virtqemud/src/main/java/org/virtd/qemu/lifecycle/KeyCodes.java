package org.virtd.qemu.lifecycle;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Key codes of virDomainSendKey's code sets translated to QEMU's "qnum" numbers (PC scancode
 * set 1, extended keys as 0x80 | code) which {@code send-key} takes. Linux input codes, XT and
 * AT set 1 scancodes and qnum itself are known; other sets translate nothing.
 */
final class KeyCodes {
    /** virKeycodeSet numbers. */
    static final int LINUX = 0;
    static final int XT = 1;
    static final int ATSET1 = 2;
    static final int XT_KBD = 6;
    static final int QNUM = 9;

    private static final String[] NAMES = {"linux", "xt", "atset1", "atset2", "atset3", "osx", "xt_kbd", "usb",
        "win32", "qnum"};

    /** Linux input codes above the range where they equal the scancode. */
    private static final Map<Integer, Integer> LINUX_EXTENDED = new HashMap<>();

    static {
        int[][] pairs = {
            {85, 0x76}, {86, 0x56}, {87, 0x57}, {88, 0x58}, {89, 0x73}, {90, 0x78}, {91, 0x77}, {92, 0x79},
            {93, 0x70}, {94, 0x7b}, {95, 0x5c}, {96, 0x9c}, {97, 0x9d}, {98, 0xb5}, {99, 0x54}, {100, 0xb8},
            {102, 0xc7}, {103, 0xc8}, {104, 0xc9}, {105, 0xcb}, {106, 0xcd}, {107, 0xcf}, {108, 0xd0},
            {109, 0xd1}, {110, 0xd2}, {111, 0xd3}, {113, 0xa0}, {114, 0xae}, {115, 0xb0}, {116, 0xde},
            {117, 0x59}, {119, 0xc6}, {121, 0x7e}, {122, 0xf2}, {123, 0xf1}, {124, 0x7d}, {125, 0xdb},
            {126, 0xdc}, {127, 0xdd}, {128, 0xe8}, {142, 0xdf}, {143, 0xe3},
        };
        for (int[] p : pairs) {
            LINUX_EXTENDED.put(p[0], p[1]);
        }
    }

    private KeyCodes() {
    }

    /** The qnum of {@code code} in {@code codeset}, or empty when it has none. */
    static OptionalInt toQnum(int codeset, int code) {
        switch (codeset) {
            case QNUM:
                return OptionalInt.of(code);
            case LINUX:
                if (code >= 1 && code <= 83) {
                    return OptionalInt.of(code);
                }
                Integer q = LINUX_EXTENDED.get(code);
                return q == null ? OptionalInt.empty() : OptionalInt.of(q);
            case XT:
                return code >= 1 && code <= 0x53 ? OptionalInt.of(code) : OptionalInt.empty();
            case ATSET1:
            case XT_KBD:
                if (code >= 1 && code < 0x80) {
                    return OptionalInt.of(code);
                }
                if ((code & 0xff00) == 0xe000 && (code & 0x7f) != 0) {
                    return OptionalInt.of(0x80 | (code & 0x7f));
                }
                return OptionalInt.empty();
            default:
                return OptionalInt.empty();
        }
    }

    static String name(int codeset) {
        return codeset >= 0 && codeset < NAMES.length ? NAMES[codeset] : Integer.toString(codeset);
    }
}
