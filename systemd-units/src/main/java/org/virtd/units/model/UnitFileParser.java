package org.virtd.units.model;

import java.util.Optional;

/**
 * Reads a unit template or extra snippet. Rules (spec/systemd-units.md §2, plus our comment rule):
 * blank lines are dropped; lines starting with {@code #} or {@code ;} are template comments and are
 * dropped too, so templates can explain themselves without the comments reaching installed units;
 * a header must be one of the four {@link SectionName}s; a directive before the first header, a
 * line that is neither header nor {@code Key=value}, or a continuation line is an error naming
 * {@code origin:line}.
 */
public final class UnitFileParser {

    /** Parses {@code text}; {@code origin} is used in the unit and in error messages. */
    public UnitFile parse(String origin, String text) throws UnitBuildException {
        UnitFile.Builder unit = UnitFile.builder(origin);
        SectionName current = null;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String where = origin + ":" + (i + 1);
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[")) {
                current = requireKnownSection(where, line);
                unit.section(current);
                continue;
            }
            if (current == null) {
                throw new UnitBuildException(where + ": text before the first section header: '" + line + "'");
            }
            unit.add(current, requireDirective(where, line));
        }
        return unit.build();
    }

    private static SectionName requireKnownSection(String where, String line) throws UnitBuildException {
        if (!line.endsWith("]")) {
            throw new UnitBuildException(where + ": malformed section header '" + line + "'");
        }
        String name = line.substring(1, line.length() - 1);
        Optional<SectionName> section = SectionName.fromHeader(name);
        if (section.isEmpty()) {
            throw new UnitBuildException(where + ": unknown section [" + name
                    + "] (allowed: Unit, Service, Socket, Install)");
        }
        return section.get();
    }

    private static Directive requireDirective(String where, String line) throws UnitBuildException {
        if (line.endsWith("\\")) {
            throw new UnitBuildException(where + ": continuation lines are not supported: '" + line + "'");
        }
        int eq = line.indexOf('=');
        if (eq <= 0) {
            throw new UnitBuildException(where + ": expected Key=value, got '" + line + "'");
        }
        try {
            return new Directive(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        } catch (IllegalArgumentException e) {
            throw new UnitBuildException(where + ": " + e.getMessage());
        }
    }
}
