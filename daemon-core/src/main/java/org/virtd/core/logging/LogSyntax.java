package org.virtd.core.logging;

import java.util.ArrayList;
import java.util.List;

/**
 * Parsers for libvirt's {@code log_outputs}, {@code log_filters} and {@code log_level} values
 * (virLogParseOutputs / virLogParseFilters, daemons.md §8). Entries are separated by spaces;
 * errors use libvirt's wording, e.g. {@code Invalid log priority '9' for log output '9:nowhere'}.
 */
public final class LogSyntax {

    private LogSyntax() {
    }

    /** A refused logging setting; the daemon exits with status 1. */
    public static final class LogSyntaxException extends Exception {
        private static final long serialVersionUID = 1L;

        public LogSyntaxException(String message) {
            super(message);
        }
    }

    public static List<LogOutput> outputs(String text) throws LogSyntaxException {
        List<LogOutput> out = new ArrayList<>();
        for (String item : words(text)) {
            out.add(output(item));
        }
        return List.copyOf(out);
    }

    public static List<LogFilter> filters(String text) throws LogSyntaxException {
        List<LogFilter> out = new ArrayList<>();
        for (String item : words(text)) {
            String[] parts = item.split(":", 2);
            if (parts.length != 2 || parts[1].isEmpty()) {
                throw new LogSyntaxException("Malformed format for filter '" + item + "'");
            }
            LogPriority p = priority(parts[0]);
            if (p == null) {
                throw new LogSyntaxException("Invalid log priority '" + parts[0] + "' for filter '" + item + "'");
            }
            String match = parts[1].startsWith("+") ? parts[1].substring(1) : parts[1];
            out.add(new LogFilter(p, match));
        }
        return List.copyOf(out);
    }

    /** log_level / LIBVIRT_DEBUG: 1..4. */
    public static LogPriority level(String text) throws LogSyntaxException {
        LogPriority p = priority(text.strip());
        if (p == null) {
            throw new LogSyntaxException("Failed to set logging priority, argument '" + text + "' is invalid");
        }
        return p;
    }

    private static LogOutput output(String item) throws LogSyntaxException {
        String[] parts = item.split(":", 3);
        if (parts.length < 2) {
            throw new LogSyntaxException("Malformed format for log output '" + item + "'");
        }
        LogPriority p = priority(parts[0]);
        if (p == null) {
            throw new LogSyntaxException("Invalid log priority '" + parts[0] + "' for log output '" + item + "'");
        }
        String arg = parts.length == 3 ? parts[2] : null;
        LogOutput.Kind kind = switch (parts[1]) {
            case "stderr" -> LogOutput.Kind.STDERR;
            case "journald" -> LogOutput.Kind.JOURNALD;
            case "file" -> LogOutput.Kind.FILE;
            case "syslog" -> LogOutput.Kind.SYSLOG;
            default -> throw new LogSyntaxException("Invalid log destination '" + parts[1]
                    + "' for log output '" + item + "'");
        };
        boolean needsArg = kind == LogOutput.Kind.FILE || kind == LogOutput.Kind.SYSLOG;
        if (needsArg == (arg == null || arg.isEmpty())) {
            throw new LogSyntaxException("Malformed format for log output '" + item + "'");
        }
        if (kind == LogOutput.Kind.FILE && !arg.startsWith("/")) {
            throw new LogSyntaxException("Invalid log file path '" + arg + "' for log output '" + item
                    + "': path must be absolute");
        }
        return new LogOutput(p, kind, arg);
    }

    private static LogPriority priority(String s) {
        if (!s.matches("\\d{1,9}")) {
            return null;
        }
        return LogPriority.of(Long.parseLong(s));
    }

    private static List<String> words(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return List.of(text.strip().split("\\s+"));
    }
}
