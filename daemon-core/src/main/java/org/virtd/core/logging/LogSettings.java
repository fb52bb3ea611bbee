package org.virtd.core.logging;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The effective logging of a daemon: default priority, filters and outputs (daemons.md §8), with
 * libvirt's precedence applied by {@link #resolve}: config file, then the environment
 * ({@code LIBVIRT_DEBUG}, {@code LIBVIRT_LOG_FILTERS}, {@code LIBVIRT_LOG_OUTPUTS}) over it, then
 * {@code -v} raising the priority to info. Without outputs: stderr in the foreground, the daemon's
 * log file with {@code -d}, at the default priority.
 */
public record LogSettings(LogPriority priority, List<LogFilter> filters, List<LogOutput> outputs) {

    public LogSettings {
        filters = List.copyOf(filters);
        outputs = List.copyOf(outputs);
    }

    /** What the settings are before any config: warnings and errors on stderr. */
    public static final LogSettings INITIAL = new LogSettings(LogPriority.WARNING, List.of(),
            List.of(new LogOutput(LogPriority.WARNING, LogOutput.Kind.STDERR, null)));

    /** The inputs of {@link #resolve}: config values (may be null / 0) and how the daemon runs. */
    public record Sources(int configLevel, String configFilters, String configOutputs, Map<String, String> env,
                          boolean verbose, boolean daemon, Path defaultLogFile) {
    }

    public static LogSettings resolve(Sources s) throws LogSyntax.LogSyntaxException {
        LogPriority priority = LogPriority.WARNING;
        if (s.configLevel() != 0) {
            priority = LogSyntax.level(Integer.toString(s.configLevel()));
        }
        String filters = s.configFilters();
        String outputs = s.configOutputs();
        String envLevel = s.env().get("LIBVIRT_DEBUG");
        if (envLevel != null && !envLevel.isEmpty()) {
            priority = LogSyntax.level(envLevel);
        }
        filters = nonEmpty(s.env().get("LIBVIRT_LOG_FILTERS"), filters);
        outputs = nonEmpty(s.env().get("LIBVIRT_LOG_OUTPUTS"), outputs);
        if (s.verbose() && priority.number() > LogPriority.INFO.number()) {
            priority = LogPriority.INFO;
        }
        List<LogOutput> parsedOutputs = LogSyntax.outputs(outputs);
        if (parsedOutputs.isEmpty()) {
            parsedOutputs = List.of(defaultOutput(priority, s.daemon(), s.defaultLogFile()));
        }
        return new LogSettings(priority, LogSyntax.filters(filters), parsedOutputs);
    }

    public static LogOutput defaultOutput(LogPriority priority, boolean daemon, Path logFile) {
        return daemon ? new LogOutput(priority, LogOutput.Kind.FILE, logFile.toString())
                : new LogOutput(priority, LogOutput.Kind.STDERR, null);
    }

    private static String nonEmpty(String preferred, String fallback) {
        return preferred != null && !preferred.isEmpty() ? preferred : fallback;
    }

    public LogSettings withOutputs(List<LogOutput> newOutputs) {
        return new LogSettings(priority, filters, newOutputs);
    }

    public LogSettings withFilters(List<LogFilter> newFilters) {
        return new LogSettings(priority, newFilters, outputs);
    }

    /** Outputs in libvirt's syntax, as virt-admin shows them. */
    public String outputsText() {
        return outputs.stream().map(LogOutput::toString).collect(Collectors.joining(" "));
    }

    /** Filters in libvirt's syntax, or null when there are none. */
    public String filtersText() {
        return filters.isEmpty() ? null : filters.stream().map(LogFilter::toString).collect(Collectors.joining(" "));
    }

    /** The priority a message of {@code category} must reach: the first matching filter's, or the default. */
    public LogPriority threshold(String category) {
        for (LogFilter f : filters) {
            if (f.matches(category)) {
                return f.priority();
            }
        }
        return priority;
    }
}
