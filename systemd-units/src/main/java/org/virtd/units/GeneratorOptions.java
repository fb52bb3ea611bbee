package org.virtd.units;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.virtd.units.template.InstallPaths;

/**
 * The generator's command line, parsed into values: {@code --output DIR} (required), the install
 * paths {@code --prefix --sbindir --sysconfdir --initconfdir --runstatedir --sockmode}, and any
 * number of {@code --daemon NAME} (default: every daemon). {@code --sbindir} defaults to
 * PREFIX/sbin and {@code --initconfdir} to SYSCONFDIR/default (Debian's layout).
 */
record GeneratorOptions(Path output, InstallPaths paths, List<String> daemons) {

    static final String USAGE = "usage: GenerateUnits --output DIR [--prefix DIR] [--sbindir DIR] [--sysconfdir DIR]"
            + " [--initconfdir DIR] [--runstatedir DIR] [--sockmode MODE] [--daemon NAME]...";

    static GeneratorOptions parse(String... args) {
        InstallPaths d = InstallPaths.defaults();
        String output = null;
        String prefix = "/usr";
        String sbindir = null;
        String sysconfdir = d.sysconfdir();
        String initconfdir = null;
        String runstatedir = d.runstatedir();
        String sockmode = d.sockmode();
        List<String> daemons = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            String value = requireValue(args, ++i, option);
            switch (option) {
                case "--output" -> output = value;
                case "--prefix" -> prefix = value;
                case "--sbindir" -> sbindir = value;
                case "--sysconfdir" -> sysconfdir = value;
                case "--initconfdir" -> initconfdir = value;
                case "--runstatedir" -> runstatedir = value;
                case "--sockmode" -> sockmode = value;
                case "--daemon" -> daemons.add(value);
                default -> throw new IllegalArgumentException("unknown option '" + option + "'\n" + USAGE);
            }
        }
        if (output == null) {
            throw new IllegalArgumentException("--output is required\n" + USAGE);
        }
        InstallPaths paths = new InstallPaths(runstatedir, sbindir != null ? sbindir : stripSlash(prefix) + "/sbin",
                sysconfdir, initconfdir != null ? initconfdir : stripSlash(sysconfdir) + "/default", sockmode);
        return new GeneratorOptions(Path.of(output), paths, daemons);
    }

    private static String requireValue(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static String stripSlash(String dir) {
        return dir.length() > 1 && dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    }
}
