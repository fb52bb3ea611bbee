package org.virtd.units.template;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code @variable@} values for one daemon (spec/systemd-units.md §2): the install paths plus
 * {@code name}, {@code service}, {@code SERVICE} (upper case) and {@code sockprefix}.
 */
public final class UnitVariables {

    private final Map<String, String> values;

    private UnitVariables(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    /** The variables of {@code daemon} installed at {@code paths}. */
    public static UnitVariables of(DaemonUnits daemon, InstallPaths paths) {
        Map<String, String> v = pathValues(paths);
        v.put("name", daemon.name());
        v.put("service", daemon.service());
        v.put("SERVICE", daemon.service().toUpperCase(Locale.ROOT));
        v.put("sockprefix", daemon.sockPrefix());
        return new UnitVariables(v);
    }

    /** Only the install paths, for units that belong to no daemon. */
    public static UnitVariables of(InstallPaths paths) {
        return new UnitVariables(pathValues(paths));
    }

    private static Map<String, String> pathValues(InstallPaths paths) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("runstatedir", paths.runstatedir());
        v.put("sbindir", paths.sbindir());
        v.put("sysconfdir", paths.sysconfdir());
        v.put("initconfdir", paths.initconfdir());
        v.put("sockmode", paths.sockmode());
        return v;
    }

    /** The value of a variable, if defined. */
    public Optional<String> get(String variable) {
        return Optional.ofNullable(values.get(variable));
    }
}
