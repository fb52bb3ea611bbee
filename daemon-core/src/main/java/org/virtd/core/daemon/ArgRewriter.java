package org.virtd.core.daemon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Rebuilds a daemon's arguments for the re-executed {@code -d} child (daemons.md §4): drops
 * {@code -d}/{@code --daemon} (also from clusters such as {@code -dv}) and makes the {@code -f} and
 * {@code -p} paths absolute, since the child runs in {@code /}.
 */
final class ArgRewriter {

    private ArgRewriter() {
    }

    static List<String> forChild(List<String> args, Path cwd) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                out.addAll(args.subList(i, args.size()));
                break;
            }
            if (a.equals("--daemon")) {
                continue;
            }
            if (a.startsWith("--config=") || a.startsWith("--pid-file=")) {
                int eq = a.indexOf('=');
                out.add(a.substring(0, eq + 1) + cwd.resolve(a.substring(eq + 1)));
            } else if (a.equals("--config") || a.equals("--pid-file")) {
                out.add(a);
                if (i + 1 < args.size()) {
                    out.add(cwd.resolve(args.get(++i)).toString());
                }
            } else if (a.startsWith("-") && !a.startsWith("--") && a.length() > 1) {
                i = shortCluster(args, i, cwd, out);
            } else {
                out.add(a);
            }
        }
        return out;
    }

    /** Handles one cluster of short options; returns the index of the last argument consumed. */
    private static int shortCluster(List<String> args, int i, Path cwd, List<String> out) {
        String a = args.get(i);
        StringBuilder kept = new StringBuilder("-");
        for (int k = 1; k < a.length(); k++) {
            char c = a.charAt(k);
            if (c == 'd') {
                continue;
            }
            if (c == 'f' || c == 'p' || c == 't') {
                String rest = a.substring(k + 1);
                String value = rest.isEmpty() ? (i + 1 < args.size() ? args.get(++i) : null) : rest;
                if (kept.length() > 1) {
                    out.add(kept.toString());
                }
                out.add("-" + c);
                if (value != null) {
                    out.add(c == 't' ? value : cwd.resolve(value).toString());
                }
                return i;
            }
            kept.append(c);
        }
        if (kept.length() > 1) {
            out.add(kept.toString());
        }
        return i;
    }
}
