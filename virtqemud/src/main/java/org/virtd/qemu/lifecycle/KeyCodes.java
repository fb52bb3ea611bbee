package org.virtd.qemu.lifecycle;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Key codes of virDomainSendKey's code sets translated to QEMU's "qnum" numbers (PC scancode
 * set 1, extended keys as 0x80 | code) which {@code send-key} takes. Linux input codes, XT and
 * AT set 1 scancodes, USB HID usages of a PC keyboard and qnum itself are known; other sets
 * translate nothing.
 */
final class KeyCodes {
    /** virKeycodeSet numbers. */
    static final int LINUX = 0;
    static final int XT = 1;
    static final int ATSET1 = 2;
    static final int XT_KBD = 6;
    static final int USB = 7;
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

    /** USB HID usages (keyboard page) of the keys a PC keyboard has. */
    private static final Map<Integer, Integer> USB_USAGES = new HashMap<>();

    static {
        int[] letters = {0x1e, 0x30, 0x2e, 0x20, 0x12, 0x21, 0x22, 0x23, 0x17, 0x24, 0x25, 0x26, 0x32, 0x31, 0x18,
            0x19, 0x10, 0x13, 0x1f, 0x14, 0x16, 0x2f, 0x11, 0x2d, 0x15, 0x2c};
        for (int i = 0; i < letters.length; i++) {
            USB_USAGES.put(4 + i, letters[i]);
        }
        for (int i = 0; i < 10; i++) {
            USB_USAGES.put(30 + i, 2 + i);
        }
        int[][] pairs = {
            {40, 0x1c}, {41, 0x01}, {42, 0x0e}, {43, 0x0f}, {44, 0x39}, {45, 0x0c}, {46, 0x0d}, {47, 0x1a},
            {48, 0x1b}, {49, 0x2b}, {51, 0x27}, {52, 0x28}, {53, 0x29}, {54, 0x33}, {55, 0x34}, {56, 0x35},
            {57, 0x3a}, {68, 0x57}, {69, 0x58}, {73, 0xd2}, {74, 0xc7}, {75, 0xc9}, {76, 0xd3}, {77, 0xcf},
            {78, 0xd1}, {79, 0xcd}, {80, 0xcb}, {81, 0xd0}, {82, 0xc8}, {224, 0x1d}, {225, 0x2a}, {226, 0x38},
            {227, 0xdb}, {228, 0x9d}, {229, 0x36}, {230, 0xb8}, {231, 0xdc},
        };
        for (int[] p : pairs) {
            USB_USAGES.put(p[0], p[1]);
        }
        for (int i = 0; i < 10; i++) {
            USB_USAGES.put(58 + i, 0x3b + i);
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
            case USB:
                Integer u = USB_USAGES.get(code);
                return u == null ? OptionalInt.empty() : OptionalInt.of(u);
            default:
                return OptionalInt.empty();
        }
    }

    static String name(int codeset) {
        return codeset >= 0 && codeset < NAMES.length ? NAMES[codeset] : Integer.toString(codeset);
    }
}
