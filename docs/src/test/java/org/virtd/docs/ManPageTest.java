package org.virtd.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The troff pages built from src/docs/man render without any groff warning (groff -ww enables all
 * of them), render through {@code man -l}, and list exactly the daemon's command-line options.
 */
class ManPageTest {

    /**
     * The options of the daemons' command line (spec/daemons.md §3, daemon-core's CommandLine), short → long.
     * The daemons' own {@code --help} is compared with the built pages end to end by
     * {@code org.virtd.it.units.HelpMatchesManPageTest} in the tests module.
     */
    static final Map<String, String> DAEMON_OPTIONS = new LinkedHashMap<>();

    static {
        DAEMON_OPTIONS.put("-h", "--help");
        DAEMON_OPTIONS.put("-d", "--daemon");
        DAEMON_OPTIONS.put("-f", "--config");
        DAEMON_OPTIONS.put("-p", "--pid-file");
        DAEMON_OPTIONS.put("-t", "--timeout");
        DAEMON_OPTIONS.put("-v", "--verbose");
        DAEMON_OPTIONS.put("-V", "--version");
    }

    private static final Pattern OPTION_LINE = Pattern.compile("^ {7}(-\\w), (--[a-z-]+)\\b.*$");

    @ParameterizedTest
    @ValueSource(strings = {"virtqemud", "virtvboxd", "virtproxyd", "libvirt-guests"})
    void groffRendersWithoutWarnings(String daemon) throws Exception {
        Path groff = requireTool("groff", "groff");
        Result r = run(List.of(groff.toString(), "-man", "-Tutf8", "-ww", "-z", page(daemon).toString()));
        assertEquals(0, r.exit, r.stderr);
        assertEquals("", r.stderr, "groff warnings for " + daemon + "(8)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"virtqemud", "virtvboxd", "virtproxyd", "libvirt-guests"})
    void manRendersThePage(String daemon) throws Exception {
        Path man = requireTool("man", "man-db");
        Result r = run(List.of(man.toString(), "--warnings=w", "-l", page(daemon).toString()));
        assertEquals(0, r.exit, r.stderr);
        assertEquals("", r.stderr.strip(), "man -l warnings for " + daemon + "(8)");
        String text = r.stdout.replaceAll(".\b", "");
        String synopsis = daemon.equals("libvirt-guests") ? "libvirt-guests start|stop|status" : daemon + " [OPTION]";
        assertTrue(text.contains("SYNOPSIS") && text.contains(synopsis), text);
    }

    /** The sections libvirt's pages have, in their order, and the pages every daemon page points to. */
    @ParameterizedTest
    @ValueSource(strings = {"virtqemud", "virtvboxd", "virtproxyd", "libvirt-guests"})
    void pageHasLibvirtsSectionsAndNamesItsLicence(String daemon) throws Exception {
        Path groff = requireTool("groff", "groff");
        Result r = run(List.of(groff.toString(), "-man", "-Tascii", "-P-cbou", "-rLL=100n", page(daemon).toString()));
        assertEquals(0, r.exit, r.stderr);
        List<String> headings = new ArrayList<>();
        for (String line : r.stdout.split("\n")) {
            if (line.matches("^[A-Z][A-Z -]+$")) {
                headings.add(line.strip());
            }
        }
        List<String> required = List.of("NAME", "SYNOPSIS", "DESCRIPTION", "EXIT STATUS", "FILES", "EXAMPLES",
                "BUGS", "AUTHORS", "COPYRIGHT", "LICENSE", "SEE ALSO");
        List<String> present = headings.stream().filter(required::contains).toList();
        assertEquals(required, present, daemon + "(8) sections: " + headings);
        String text = r.stdout.replaceAll("\\s+", " ");
        assertTrue(text.contains("LGPL-2.1-or-later"), daemon + "(8) names the licence");
        if (!daemon.equals("libvirt-guests")) {
            for (String section : List.of("OPTIONS", "SIGNALS")) {
                assertTrue(headings.contains(section), daemon + "(8) lacks " + section);
            }
            for (String ref : List.of("libvirtd(8)", "virsh(1)", "virt-admin(1)", "libvirt-guests(8)")) {
                assertTrue(text.contains(ref), daemon + "(8) SEE ALSO lacks " + ref);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"virtqemud", "virtvboxd", "virtproxyd"})
    void optionsSectionListsExactlyTheDaemonOptions(String daemon) throws Exception {
        Path groff = requireTool("groff", "groff");
        Result r = run(List.of(groff.toString(), "-man", "-Tascii", "-P-cbou", "-rLL=100n", page(daemon).toString()));
        assertEquals(0, r.exit, r.stderr);
        Map<String, String> listed = new LinkedHashMap<>();
        boolean inOptions = false;
        for (String line : r.stdout.split("\n")) {
            if (line.matches("^[A-Z][A-Z -]+$")) {
                inOptions = line.equals("OPTIONS");
                continue;
            }
            Matcher m = OPTION_LINE.matcher(line);
            if (inOptions && m.matches()) {
                listed.put(m.group(1), m.group(2));
            }
        }
        assertEquals(DAEMON_OPTIONS, listed, daemon + "(8) OPTIONS");
    }

    private static Path page(String daemon) {
        Path page = Path.of(System.getProperty("virtd.man.dir", "target/man"), daemon + ".8");
        assertTrue(Files.isRegularFile(page), page + " was not built (asciidoctor runs at generate-resources)");
        return page;
    }

    private record Result(int exit, String stdout, String stderr) { }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("MANWIDTH", "100");
        pb.environment().put("MAN_KEEP_FORMATTING", "0");
        Path out = Files.createTempFile("man", ".out");
        Path err = Files.createTempFile("man", ".err");
        try {
            Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(command + " did not finish in 60 s");
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Path requireTool(String name, String debianPackage) {
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")));
        for (String dir : dirs) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        if ("true".equals(System.getenv("CI"))) {
            fail(name + " is not installed (Debian package " + debianPackage + "); CI must provide it");
        }
        Assumptions.abort(name + " is not installed; skipping");
        return null;
    }
}
