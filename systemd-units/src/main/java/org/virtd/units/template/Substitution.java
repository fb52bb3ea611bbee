package org.virtd.units.template;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.virtd.units.model.Directive;
import org.virtd.units.model.SectionName;
import org.virtd.units.model.UnitBuildException;
import org.virtd.units.model.UnitFile;

/**
 * Replaces every {@code @variable@} in directive values by its value (spec/systemd-units.md §2).
 * A reference to an undefined variable is a build error naming the unit, key and variable, so a
 * typo in a template can never reach an installed unit.
 */
public final class Substitution {

    private static final Pattern REFERENCE = Pattern.compile("@([A-Za-z_][A-Za-z0-9_]*)@");

    /** A copy of {@code unit} with every reference replaced. */
    public UnitFile apply(UnitFile unit, UnitVariables variables) throws UnitBuildException {
        UnitFile.Builder out = UnitFile.builder(unit.origin());
        for (SectionName section : unit.sectionNames()) {
            out.section(section);
            for (Directive d : unit.directives(section)) {
                out.add(section, d.withValue(substitute(unit, d, variables)));
            }
        }
        return out.build();
    }

    private static String substitute(UnitFile unit, Directive d, UnitVariables variables) throws UnitBuildException {
        Matcher m = REFERENCE.matcher(d.value());
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = variables.get(name).orElseThrow(() -> new UnitBuildException(
                    unit.origin() + ": " + d.key() + "=" + d.value() + " uses undefined variable @" + name + "@"));
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
