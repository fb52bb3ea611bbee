package org.virtd.core.transport;

import java.util.List;

/**
 * {@code tls_allowed_dn_list}: glob patterns on a client's distinguished name, matched as libvirt
 * does with GLib's simple patterns ({@code *} any run of characters, {@code ?} one character, no
 * escapes, no classes). Absent list = no check; an empty list lets nobody in.
 */
public final class DnAllowList {
    private final List<String> patterns;

    private DnAllowList(List<String> patterns) {
        this.patterns = patterns;
    }

    /** @param patterns the configured list, or null when the key is not set */
    public static DnAllowList of(List<String> patterns) {
        return new DnAllowList(patterns == null ? null : List.copyOf(patterns));
    }

    public boolean restricts() {
        return patterns != null;
    }

    public boolean allows(String dn) {
        if (patterns == null) {
            return true;
        }
        for (String p : patterns) {
            if (matches(p, dn)) {
                return true;
            }
        }
        return false;
    }

    /** Glob match with backtracking to the last {@code *}; linear in practice. */
    static boolean matches(String pattern, String text) {
        int p = 0;
        int t = 0;
        int star = -1;
        int mark = 0;
        while (t < text.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == text.charAt(t))) {
                p++;
                t++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                mark = t;
            } else if (star >= 0) {
                p = star + 1;
                t = ++mark;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
