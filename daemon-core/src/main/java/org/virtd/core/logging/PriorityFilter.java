package org.virtd.core.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.Marker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies libvirt's filter rule before any message is formatted: a message passes when its
 * priority reaches the threshold of the first {@code log_filters} entry matching its logger name,
 * or the default priority. Thresholds are cached per logger; a settings change installs a new
 * instance.
 */
final class PriorityFilter extends TurboFilter {
    private final LogSettings settings;
    private final Map<String, Level> thresholds = new ConcurrentHashMap<>();

    PriorityFilter(LogSettings settings) {
        this.settings = settings;
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable t) {
        if (level == null) {
            return FilterReply.NEUTRAL;
        }
        Level threshold = thresholds.computeIfAbsent(logger.getName(), n -> settings.threshold(n).level());
        return level.isGreaterOrEqual(threshold) ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
