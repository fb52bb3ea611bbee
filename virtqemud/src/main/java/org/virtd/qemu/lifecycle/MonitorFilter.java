package org.virtd.qemu.lifecycle;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which QEMU monitor events a callback wants: all, one name, or a regular expression, optionally
 * case-insensitive (virConnectDomainQemuMonitorEventRegister's REGEX and NOCASE flags).
 */
public final class MonitorFilter {
    public static final int REGEX = 1;
    public static final int NOCASE = 2;

    private final String name;
    private final Pattern pattern;
    private final boolean nocase;

    private MonitorFilter(String name, Pattern pattern, boolean nocase) {
        this.name = name;
        this.pattern = pattern;
        this.nocase = nocase;
    }

    /** @throws java.util.regex.PatternSyntaxException for a bad regular expression */
    public static MonitorFilter of(String event, int flags) {
        boolean nocase = (flags & NOCASE) != 0;
        if (event == null) {
            return new MonitorFilter(null, null, nocase);
        }
        if ((flags & REGEX) != 0) {
            return new MonitorFilter(null, Pattern.compile(event, nocase ? Pattern.CASE_INSENSITIVE : 0), nocase);
        }
        return new MonitorFilter(nocase ? event.toLowerCase(Locale.ROOT) : event, null, nocase);
    }

    public boolean accepts(String event) {
        if (pattern != null) {
            return pattern.matcher(event).find();
        }
        if (name == null) {
            return true;
        }
        return nocase ? name.equals(event.toLowerCase(Locale.ROOT)) : name.equals(event);
    }
}
