package org.virtd.units;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.virtd.units.model.UnitBuildException;
import org.virtd.units.model.UnitFile;
import org.virtd.units.template.DaemonCatalog;
import org.virtd.units.template.DaemonUnits;
import org.virtd.units.template.GuestUnits;
import org.virtd.units.template.InstallPaths;
import org.virtd.units.template.TemplateSource;
import org.virtd.units.template.UnitRenderer;

/**
 * Renders and writes the systemd units of the shipped daemons (spec/systemd-units.md §2, step 3).
 * Every unit is rendered before anything is written, and each file is written to a temporary name
 * and renamed, so a failing template never leaves a partial unit directory behind. Exit status: 0
 * on success, 1 on a template error, 2 on a usage error.
 */
public final class GenerateUnits {

    private final DaemonCatalog catalog = new DaemonCatalog();
    private final UnitRenderer renderer;
    private final GuestUnits guestUnits;

    public GenerateUnits(TemplateSource templates) {
        this.renderer = new UnitRenderer(templates);
        this.guestUnits = new GuestUnits(templates);
    }

    public static void main(String[] args) {
        GeneratorOptions options;
        try {
            options = GeneratorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("GenerateUnits: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            Map<String, UnitFile> units = new GenerateUnits(TemplateSource.classpath())
                    .render(options.daemons(), options.paths());
            write(options.output(), units);
        } catch (UnitBuildException | IllegalArgumentException e) {
            System.err.println("GenerateUnits: " + e.getMessage());
            System.exit(1);
        } catch (IOException e) {
            System.err.println("GenerateUnits: cannot write units into " + options.output() + ": " + e);
            System.exit(1);
        }
    }

    /**
     * The units of the named daemons, keyed by file name; when {@code daemons} is empty, every
     * daemon's units and libvirt-guests' service and target.
     */
    public Map<String, UnitFile> render(List<String> daemons, InstallPaths paths) throws UnitBuildException {
        Map<String, UnitFile> units = new LinkedHashMap<>();
        for (DaemonUnits daemon : select(daemons)) {
            units.putAll(renderer.render(daemon, paths));
        }
        if (daemons.isEmpty()) {
            units.putAll(guestUnits.render(paths));
        }
        return units;
    }

    private List<DaemonUnits> select(List<String> names) {
        if (names.isEmpty()) {
            return catalog.all();
        }
        List<DaemonUnits> selected = new ArrayList<>();
        for (String name : names) {
            selected.add(catalog.find(name).orElseThrow(() -> new IllegalArgumentException(
                    "unknown daemon '" + name + "' (known: virtqemud, virtvboxd, virtproxyd)")));
        }
        return selected;
    }

    /** Writes each unit as {@code dir/NAME}, atomically per file; creates {@code dir} if needed. */
    public static void write(Path dir, Map<String, UnitFile> units) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, UnitFile> e : units.entrySet()) {
            Path target = dir.resolve(e.getKey());
            Path temp = dir.resolve("." + e.getKey() + ".tmp");
            Files.writeString(temp, e.getValue().render(), StandardCharsets.UTF_8);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
