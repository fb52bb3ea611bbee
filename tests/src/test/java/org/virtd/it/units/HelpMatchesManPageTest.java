package org.virtd.it.units;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each daemon's {@code --help} and its man page's OPTIONS section name the same options. */
class HelpMatchesManPageTest {
    private static final Pattern HELP_LINE = Pattern.compile("^\\s+(-\\w) \\| (--[\\w-]+).*$");
    private static final Pattern MAN_LINE = Pattern.compile("^\\s+(-\\w), (--[\\w-]+).*$");

    @ParameterizedTest
    @ValueSource(strings = {"virtqemud", "virtvboxd", "virtproxyd"})
    void sameOptions(String daemon) throws Exception {
        Cli.Result help = Cli.run(java.util.List.of(VirtqemudProcess.launcher(daemon).toString(), "--help"), 30);
        assertEquals(0, help.exit(), help.all());
        Map<String, String> fromHelp = collect(help.err() + help.out(), HELP_LINE, null);

        Path page = VirtqemudProcess.repo().resolve("docs/target/man/" + daemon + ".8");
        assertTrue(Files.isRegularFile(page), page + " was not built");
        Cli.Result man = Cli.run(java.util.List.of("groff", "-man", "-Tascii", "-P-cbou", "-rLL=100n", page.toString()), 30);
        assertEquals(0, man.exit(), man.err());
        Map<String, String> fromMan = collect(man.out(), MAN_LINE, "OPTIONS");

        assertFalse(fromHelp.isEmpty(), help.all());
        assertEquals(fromHelp, fromMan, daemon + ": --help vs " + daemon + "(8)");
    }

    /** Short → long option pairs, optionally only inside one man page section. */
    private static Map<String, String> collect(String text, Pattern line, String section) {
        Map<String, String> out = new TreeMap<>();
        boolean inside = section == null;
        for (String l : text.split("\n")) {
            if (section != null && l.matches("^[A-Z][A-Z -]+$")) {
                inside = l.equals(section);
                continue;
            }
            Matcher m = line.matcher(l);
            if (inside && m.matches()) {
                out.put(m.group(1), m.group(2));
            }
        }
        return out;
    }
}
