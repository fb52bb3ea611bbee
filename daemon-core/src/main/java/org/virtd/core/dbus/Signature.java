package org.virtd.core.dbus;

import java.util.ArrayList;
import java.util.List;

/** Walking type signatures: where a complete type ends, and how values of a type are aligned. */
final class Signature {
    private static final String BASIC = "ybnqiuxtdsogh";

    private Signature() {
    }

    /** The index just after the single complete type starting at {@code start}. */
    static int end(String sig, int start) {
        if (start >= sig.length()) {
            throw new IllegalArgumentException("signature ends early: " + sig);
        }
        char c = sig.charAt(start);
        if (c == 'a') {
            return end(sig, start + 1);
        }
        if (c == '(' || c == '{') {
            char close = c == '(' ? ')' : '}';
            int i = start + 1;
            while (i < sig.length() && sig.charAt(i) != close) {
                i = end(sig, i);
            }
            if (i >= sig.length() || i == start + 1) {
                throw new IllegalArgumentException("bad container in signature: " + sig);
            }
            return i + 1;
        }
        if (BASIC.indexOf(c) >= 0 || c == 'v') {
            return start + 1;
        }
        throw new IllegalArgumentException("unknown type '" + c + "' in signature: " + sig);
    }

    /** The complete types {@code sig} is made of, in order. */
    static List<String> split(String sig) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < sig.length(); ) {
            int e = end(sig, i);
            out.add(sig.substring(i, e));
            i = e;
        }
        return out;
    }

    /** The alignment of values whose type starts with {@code c}. */
    static int alignment(char c) {
        return switch (c) {
            case 'y', 'g', 'v' -> 1;
            case 'n', 'q' -> 2;
            case 'x', 't', 'd', '(', '{' -> 8;
            default -> 4;
        };
    }
}
