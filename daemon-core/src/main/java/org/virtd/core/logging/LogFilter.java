package org.virtd.core.logging;

import java.util.regex.Pattern;

/**
 * One {@code LEVEL:MATCH} entry of {@code log_filters} (daemons.md §8): messages whose category
 * (our logger name) contains MATCH — a glob — are logged at LEVEL and above, whatever the default
 * priority. The first matching filter wins.
 */
public record LogFilter(LogPriority priority, String match) {

    public boolean matches(String category) {
        return Pattern.compile(".*" + globToRegex(match) + ".*", Pattern.DOTALL).matcher(category).matches();
    }

    private static String globToRegex(String glob) {
        StringBuilder b = new StringBuilder();
        for (char c : glob.toCharArray()) {
            switch (c) {
                case '*' -> b.append(".*");
                case '?' -> b.append('.');
                default -> b.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return priority.number() + ":" + match;
    }
}
