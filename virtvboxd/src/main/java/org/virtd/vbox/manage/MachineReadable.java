package org.virtd.vbox.manage;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parser of {@code showvminfo --machinereadable} (and of other {@code key="value"} output):
 * split each line at the first {@code =} outside quotes, unquote and unescape both halves, and
 * skip any line that is not of that shape ({@code Encryption:     disabled}, {@code  rec_screen0}).
 * Odd real lines such as {@code VideoMode="720,400,0"@0,0 1} keep their quoted part; a key seen
 * twice keeps its first value (6.1 prints attachment flags without port numbers).
 */
public final class MachineReadable {
    private MachineReadable() {
    }

    public static KeyValues parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n");
        for (int n = 0; n < lines.length; n++) {
            String raw = lines[n];
            // a quoted value (a description) may span lines: VirtualBox prints its newlines raw
            while (openQuote(raw) && n + 1 < lines.length) {
                raw = raw + "\n" + lines[++n];
            }
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            int eq = separator(line);
            if (eq <= 0) {
                continue;
            }
            String key = unquote(line.substring(0, eq).strip());
            String value = unquote(line.substring(eq + 1).strip());
            if (!key.isEmpty()) {
                out.putIfAbsent(key, value);
            }
        }
        return new KeyValues(out);
    }

    /** Whether {@code line} ends inside a quoted string. */
    static boolean openQuote(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            }
        }
        return quoted;
    }

    /** The first '=' not inside a quoted string, or -1. */
    static int separator(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == '=' && !quoted) {
                return i;
            }
        }
        return -1;
    }

    /** A leading quoted string with its escapes resolved (trailing junk after it dropped), or the text as is. */
    static String unquote(String s) {
        if (!s.startsWith("\"")) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                sb.append(s.charAt(++i));
            } else if (c == '"') {
                return sb.toString();
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
