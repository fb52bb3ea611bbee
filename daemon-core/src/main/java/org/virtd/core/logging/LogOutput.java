package org.virtd.core.logging;

/**
 * One entry of {@code log_outputs} (daemons.md §8): {@code LEVEL:stderr}, {@code LEVEL:file:PATH},
 * {@code LEVEL:syslog:IDENT} or {@code LEVEL:journald}. {@code argument} is the path or ident,
 * null for stderr and journald.
 */
public record LogOutput(LogPriority priority, Kind kind, String argument) {

    public enum Kind {
        STDERR("stderr"), FILE("file"), SYSLOG("syslog"), JOURNALD("journald");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    @Override
    public String toString() {
        return priority.number() + ":" + kind.word() + (argument == null ? "" : ":" + argument);
    }
}
