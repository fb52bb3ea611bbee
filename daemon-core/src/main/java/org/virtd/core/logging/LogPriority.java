package org.virtd.core.logging;

import ch.qos.logback.classic.Level;

/**
 * libvirt's log priorities (virLogPriority, daemons.md §8) with their names in log lines, the
 * matching logback level and the syslog severity used for syslog and journald.
 */
public enum LogPriority {
    DEBUG(1, "debug", Level.DEBUG, 7),
    INFO(2, "info", Level.INFO, 6),
    WARNING(3, "warning", Level.WARN, 4),
    ERROR(4, "error", Level.ERROR, 3);

    private final int number;
    private final String label;
    private final Level level;
    private final int syslogSeverity;

    LogPriority(int number, String label, Level level, int syslogSeverity) {
        this.number = number;
        this.label = label;
        this.level = level;
        this.syslogSeverity = syslogSeverity;
    }

    public int number() {
        return number;
    }

    public String label() {
        return label;
    }

    public Level level() {
        return level;
    }

    public int syslogSeverity() {
        return syslogSeverity;
    }

    /** The priority numbered {@code n}, or null when n is not 1..4. */
    public static LogPriority of(long n) {
        for (LogPriority p : values()) {
            if (p.number == n) {
                return p;
            }
        }
        return null;
    }

    /** The priority a logback level is shown as (TRACE counts as debug). */
    public static LogPriority of(Level level) {
        if (level.toInt() >= Level.ERROR_INT) {
            return ERROR;
        }
        if (level.toInt() >= Level.WARN_INT) {
            return WARNING;
        }
        return level.toInt() >= Level.INFO_INT ? INFO : DEBUG;
    }
}
