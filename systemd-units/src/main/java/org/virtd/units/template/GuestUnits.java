package org.virtd.units.template;

import java.util.LinkedHashMap;
import java.util.Map;
import org.virtd.units.model.UnitBuildException;
import org.virtd.units.model.UnitFile;
import org.virtd.units.model.UnitFileParser;

/**
 * The units that belong to no daemon: {@code libvirt-guests.service} and
 * {@code virt-guest-shutdown.target} (spec/systemd-units.md §6), rendered from their templates
 * with the install paths only.
 */
public final class GuestUnits {

    public static final String SERVICE = "libvirt-guests.service";
    public static final String TARGET = "virt-guest-shutdown.target";

    private final TemplateSource templates;
    private final UnitFileParser parser = new UnitFileParser();
    private final Substitution substitution = new Substitution();

    public GuestUnits(TemplateSource templates) {
        this.templates = templates;
    }

    /** Both units, service first, keyed by file name. */
    public Map<String, UnitFile> render(InstallPaths paths) throws UnitBuildException {
        UnitVariables variables = UnitVariables.of(paths);
        Map<String, UnitFile> units = new LinkedHashMap<>();
        for (String name : new String[] {SERVICE, TARGET}) {
            String template = name + ".in";
            units.put(name, substitution.apply(parser.parse(template, templates.read(template)), variables));
        }
        return units;
    }
}
