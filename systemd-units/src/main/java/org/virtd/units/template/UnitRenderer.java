package org.virtd.units.template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.virtd.units.merge.UnitMerge;
import org.virtd.units.model.UnitBuildException;
import org.virtd.units.model.UnitFile;
import org.virtd.units.model.UnitFileParser;

/**
 * Renders all units of one daemon (spec/systemd-units.md §2): for the service and for each socket
 * kind, parse the base template and the daemon's extras, merge them, then substitute the
 * variables. The result maps unit file names to units, service first, then sockets in
 * {@link SocketKind} order.
 */
public final class UnitRenderer {

    private final TemplateSource templates;
    private final UnitFileParser parser = new UnitFileParser();
    private final UnitMerge merge = new UnitMerge();
    private final Substitution substitution = new Substitution();

    public UnitRenderer(TemplateSource templates) {
        this.templates = templates;
    }

    /** Every unit of {@code daemon}, keyed by unit file name such as {@code virtqemud-ro.socket}. */
    public Map<String, UnitFile> render(DaemonUnits daemon, InstallPaths paths) throws UnitBuildException {
        UnitVariables variables = UnitVariables.of(daemon, paths);
        Map<String, UnitFile> units = new LinkedHashMap<>();
        units.put(daemon.serviceUnit(), renderOne("virtd.service.in", daemon.serviceExtras(), variables));
        for (SocketKind kind : daemon.sockets()) {
            units.put(kind.unitName(daemon.service()), renderOne(kind.templateName(), daemon.socketExtras(), variables));
        }
        return units;
    }

    private UnitFile renderOne(String base, List<String> extraNames, UnitVariables variables)
            throws UnitBuildException {
        List<UnitFile> extras = new ArrayList<>();
        for (String name : extraNames) {
            extras.add(load(name));
        }
        return substitution.apply(merge.merge(load(base), extras), variables);
    }

    private UnitFile load(String fileName) throws UnitBuildException {
        return parser.parse(fileName, templates.read(fileName));
    }
}
