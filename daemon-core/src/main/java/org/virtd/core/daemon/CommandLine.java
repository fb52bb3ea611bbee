package org.virtd.core.daemon;

import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * libvirt's daemon command line ({@code df:p:t:vVh} plus long forms, daemons.md §3) parsed with
 * picocli, with getopt's messages and exit statuses: usage on stderr and 0 for {@code -h}, the
 * version line on stdout for {@code -V}, a getopt-style message plus usage and 1 for a bad option,
 * {@code unexpected, non-option, command line arguments} and 1 for stray arguments.
 */
public final class CommandLine {

    /** Either options to run with, or an exit status with what to print. */
    public sealed interface Outcome {
        record Run(DaemonOptions options) implements Outcome {
        }

        /** {@code logError}, when not null, is logged at error priority (libvirt's VIR_ERROR). */
        record Exit(int status, String stdout, String stderr, String logError) implements Outcome {
            Exit(int status, String stdout, String stderr) {
                this(status, stdout, stderr, null);
            }
        }
    }

    /**
     * The options as picocli's programmatic model rather than annotations: the same parser, but no
     * reflection over annotated fields at start-up, which a socket-activated daemon pays for on
     * its first call.
     */
    private static CommandSpec spec() {
        CommandSpec spec = CommandSpec.create().name("daemon");
        spec.addOption(flag("-d", "--daemon"));
        spec.addOption(value("-f", "--config"));
        spec.addOption(value("-p", "--pid-file"));
        spec.addOption(value("-t", "--timeout"));
        spec.addOption(flag("-v", "--verbose"));
        spec.addOption(flag("-V", "--version"));
        spec.addOption(flag("-h", "--help"));
        return spec;
    }

    private static OptionSpec flag(String shortName, String longName) {
        return OptionSpec.builder(shortName, longName).arity("0").type(boolean.class).build();
    }

    private static OptionSpec value(String shortName, String longName) {
        return OptionSpec.builder(shortName, longName).arity("1").type(String.class).build();
    }

    private static final String CONVERTER_EXCLUDES = "picocli.converters.excludes";

    private CommandLine() {
    }

    /** Parses {@code args}; {@code argv0} is the program name as invoked, {@code usage} the help text. */
    public static Outcome parse(String argv0, String[] args, String usage) {
        // our options are strings and flags: skip registering converters for java.sql, java.time...
        if (System.getProperty(CONVERTER_EXCLUDES) == null) {
            System.setProperty(CONVERTER_EXCLUDES, "java\\..*");
        }
        picocli.CommandLine cli = new picocli.CommandLine(spec());
        cli.setPosixClusteredShortOptionsAllowed(true);
        cli.setUnmatchedOptionsArePositionalParams(false);
        ParseResult parsed;
        try {
            parsed = cli.parseArgs(args);
        } catch (UnmatchedArgumentException e) {
            return unmatched(argv0, e.getUnmatched(), usage);
        } catch (MissingParameterException e) {
            return new Outcome.Exit(1, "", argv0 + ": option requires an argument -- '"
                    + optionLetter(e) + "'\n" + usage);
        } catch (ParameterException e) {
            return new Outcome.Exit(1, "", argv0 + ": " + e.getMessage() + "\n" + usage);
        }
        if (parsed.hasMatchedOption("-V")) {
            return new Outcome.Exit(0, argv0 + " (libvirt) " + Version.LIBVIRT + "\n", "");
        }
        if (parsed.hasMatchedOption("-h")) {
            return new Outcome.Exit(0, "", usage);
        }
        String timeoutText = parsed.matchedOptionValue("-t", null);
        Integer timeout = timeoutText == null ? Integer.valueOf(0) : timeout(timeoutText);
        if (timeout == null) {
            return new Outcome.Exit(1, "", "", "Invalid value for timeout");
        }
        return new Outcome.Run(new DaemonOptions(parsed.hasMatchedOption("-d"),
                Optional.ofNullable(parsed.<String>matchedOptionValue("-f", null)).map(Path::of),
                Optional.ofNullable(parsed.<String>matchedOptionValue("-p", null)).map(Path::of), timeout,
                parsed.hasMatchedOption("-v")));
    }

    private static Outcome unmatched(String argv0, List<String> unmatched, String usage) {
        String first = unmatched.isEmpty() ? "" : unmatched.get(0);
        if (first.startsWith("--")) {
            return new Outcome.Exit(1, "", argv0 + ": unrecognized option '" + first + "'\n" + usage);
        }
        if (first.startsWith("-") && first.length() > 1) {
            String letter = first.substring(1, 2);
            return new Outcome.Exit(1, "", argv0 + ": invalid option -- '" + letter + "'\n" + usage);
        }
        return new Outcome.Exit(1, "", argv0 + ": unexpected, non-option, command line arguments\n");
    }

    private static String optionLetter(MissingParameterException e) {
        if (e.getMissing() != null && !e.getMissing().isEmpty()
                && e.getMissing().get(0) instanceof picocli.CommandLine.Model.OptionSpec o) {
            return o.shortestName().replace("-", "");
        }
        return "?";
    }

    /** virStrToLong_i base 10, then 0 ≤ n ≤ INT_MAX/1000; null when invalid. */
    static Integer timeout(String text) {
        String t = text.stripLeading();
        if (!t.matches("[+-]?\\d{1,10}")) {
            return null;
        }
        long n = Long.parseLong(t);
        return n < 0 || n > Integer.MAX_VALUE / 1000 ? null : (int) n;
    }
}
