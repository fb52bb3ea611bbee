package org.virtd.core.daemon;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Our parser against the real thing: libvirtd 9.0 reads its command line with the same glibc
 * getopt_long loop (optstring {@code ldf:p:t:vVh}, the same long options plus {@code --listen}).
 * For each argument vector both must give the same exit status, stdout, getopt message (or the
 * error libvirtd logs) and usage-or-not. libvirtd only gets vectors that end it before it starts a
 * daemon, which our parser has to confirm first, and runs as nobody with a temporary home, bounded.
 */
class CommandLineOracleTest {
    private static final Path LIBVIRTD = Path.of("/usr/sbin/libvirtd");
    private static final String USAGE = "\nUsage:\n  (the usage)\n";
    private static final String NO_CONFIG = "Can't load config file: ";

    @TempDir
    static Path home;

    /** Each vector ends libvirtd: an error, -V, -h, or a config file -f names that does not exist. */
    static List<List<String>> cases() {
        return List.of(
                List.of("-x"), List.of("-:"), List.of("-x", "-y"), List.of("stray", "-x"), List.of("-V", "-x"),
                List.of("-f"), List.of("-t"), List.of("-df"), List.of("-vxV"),
                List.of("--bogus"), List.of("--bogus=1"), List.of("--conf"), List.of("--config"), List.of("--pid"),
                List.of("--daemon=1"), List.of("--help=x"), List.of("--ver"), List.of("--ver=1"), List.of("--v"),
                List.of("--=x"), List.of("--timeout=abc"), List.of("--time", "5", "-V"),
                List.of("-V"), List.of("--version"), List.of("--vers"), List.of("--verb", "-V"), List.of("--d", "-V"),
                List.of("-h"), List.of("--help"), List.of("--he"), List.of("-hV"), List.of("-Vh"), List.of("-dvV"),
                List.of("-vt5", "-V"), List.of("-t", "5", "-V"), List.of("-t", "abc", "-V"), List.of("-t", "abc", "-x"),
                List.of("-t", "-1", "-V"), List.of("-t", "2147484", "-V"), List.of("-t", "2147483", "-V"),
                List.of("-t", "", "-V"), List.of("-t", " 7", "-V"), List.of("-t", "+5", "-V"), List.of("-t", "-0", "-V"),
                List.of("-t", "99999999999999999999", "-V"), List.of("-t", "5s", "-V"), List.of("-t", "2147483x", "-V"),
                List.of("-t", "0x10", "-V"), List.of("-t", "\t 9", "-V"), List.of("-t", "\u001c9", "-V"),
                List.of("-t", "- 5", "-V"),
                List.of("stray", "-V"), List.of("-", "-V"), List.of("", "-V"), List.of("-d", "stray"),
                List.of("-d", "--", "stray"), List.of("--", "-V"), List.of("-d", "-"),
                List.of("-f", "-V"), List.of("--config", "-V"), List.of("-f", "--"), List.of("--conf="),
                List.of("-fmissing.conf"), List.of("--config=a.conf", "-f", "b.conf"), List.of("-p", "", "--pid-file=", "-V"),
                List.of("-p", "x.pid", "-p", "y.pid", "-d", "-V"));
    }

    @BeforeAll
    static void libvirtd() throws IOException {
        if (!Files.isExecutable(LIBVIRTD)) {
            assertTrue(!"true".equals(System.getenv("CI")), LIBVIRTD + " is missing; CI must install libvirt-daemon");
            Assumptions.abort(LIBVIRTD + " is not installed; skipping");
        }
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxrwxrwx"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sameAsLibvirtd(List<String> args) throws Exception {
        Seen ours = ours(CommandLine.parse(LIBVIRTD.toString(), args.toArray(String[]::new), USAGE));
        assertEquals(libvirtd(args), ours, String.valueOf(args));
    }

    /** What is compared: the exit status, stdout, the first message, whether the usage follows. */
    record Seen(int status, String stdout, String message, boolean usage) {
    }

    private static Seen ours(CommandLine.Outcome outcome) {
        if (outcome instanceof CommandLine.Outcome.Exit exit) {
            String message = exit.logError() != null ? exit.logError() : exit.stderr().split("\n", -1)[0];
            return new Seen(exit.status(), exit.stdout(), message, exit.stderr().contains(USAGE));
        }
        // the only runs allowed here: libvirtd then fails on the missing config file and exits
        DaemonOptions options = ((CommandLine.Outcome.Run) outcome).options();
        Path config = options.configFile().orElseThrow(() -> new AssertionError("would start libvirtd"));
        if (Files.isRegularFile(home.resolve(config))) {
            fail("would start libvirtd with " + config);
        }
        return new Seen(1, "", NO_CONFIG + config, false);
    }

    private static Seen libvirtd(List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        if (DaemonMain.currentUid() == 0) {
            command.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
        }
        command.add(LIBVIRTD.toString());
        command.addAll(args);
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().clear();
        pb.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        pb.environment().put("LC_ALL", "C");
        pb.environment().put("HOME", home.toString());
        pb.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
        pb.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
        pb.environment().put("XDG_RUNTIME_DIR", home.resolve("run").toString());
        Process p = pb.start();
        if (!p.waitFor(15, TimeUnit.SECONDS)) {
            p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            fail("libvirtd did not exit on " + args);
        }
        String stderr = Files.readString(err);
        return new Seen(p.exitValue(), Files.readString(out), message(stderr), stderr.contains("\nUsage:\n"));
    }

    /**
     * getopt's line, or what libvirtd logged at error priority; libvirtd's {@code --listen}, which
     * our daemons do not have, is left out of an ambiguity's possibilities.
     */
    private static String message(String stderr) {
        String message = stderr.split("\n", -1)[0];
        for (String line : stderr.split("\n", -1)) {
            if (line.contains(": error : ")) {
                message = line.substring(line.lastIndexOf(" : ") + 3);
                break;
            }
        }
        if (message.startsWith(NO_CONFIG)) {
            message = NO_CONFIG + message.substring(message.lastIndexOf(": ") + 2);
        }
        return message.replace(" '--listen'", "");
    }
}
