package org.virtd.core.daemon;

import java.nio.file.Path;
import java.util.Optional;

/**
 * libvirt's daemon command line (daemons.md §3) read the way glibc's getopt_long reads it with the
 * optstring {@code df:p:t:vVh} and libvirt's long options: clustered short options, values attached
 * or in the next argument, {@code --name=value}, unique abbreviations of long names, {@code --} to
 * end the options, non-options skipped over (permutation) and refused once all options are done.
 * Options take effect in order, as in libvirt's loop: the first of {@code -V}, {@code -h}, a bad
 * {@code -t} value or a getopt error decides the exit; getopt errors are followed by the usage.
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

    /** libvirt's long options in its table's order, which is the order getopt lists an ambiguity in. */
    private static final String[] LONG_NAMES = {"verbose", "daemon", "config", "timeout", "pid-file", "version", "help"};
    /** The short letter of each of {@link #LONG_NAMES}. */
    private static final String LETTERS = "vdftpVh";
    private static final String TAKES_VALUE = "ftp";
    private static final int AMBIGUOUS = -2;

    private CommandLine() {
    }

    /** Parses {@code args}; {@code argv0} is the program name as invoked, {@code usage} the help text. */
    public static Outcome parse(String argv0, String[] args, String usage) {
        Options options = new Options(argv0, usage);
        boolean nonOptions = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                nonOptions |= i + 1 < args.length;
                break;
            }
            if (arg.length() < 2 || arg.charAt(0) != '-') {
                nonOptions = true; // skipped now, refused after the last option
                continue;
            }
            Outcome decided;
            if (arg.startsWith("--")) {
                int eq = arg.indexOf('=');
                String name = arg.substring(2, eq < 0 ? arg.length() : eq);
                int k = longOption(name);
                if (k < 0) {
                    return options.error(k == AMBIGUOUS ? ambiguity(arg, name) : "unrecognized option '" + arg + "'");
                }
                char letter = LETTERS.charAt(k);
                String longName = "'--" + LONG_NAMES[k] + "'";
                String value = null;
                if (TAKES_VALUE.indexOf(letter) < 0) {
                    if (eq >= 0) {
                        return options.error("option " + longName + " doesn't allow an argument");
                    }
                } else if (eq >= 0) {
                    value = arg.substring(eq + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    return options.error("option " + longName + " requires an argument");
                }
                decided = options.apply(letter, value);
            } else {
                decided = null;
                for (int j = 1; j < arg.length() && decided == null; j++) {
                    char letter = arg.charAt(j);
                    if (LETTERS.indexOf(letter) < 0) {
                        return options.error("invalid option -- '" + letter + "'");
                    }
                    if (TAKES_VALUE.indexOf(letter) < 0) {
                        decided = options.apply(letter, null);
                        continue;
                    }
                    // the rest of this argument is the value, else the next argument, whatever it is
                    if (j + 1 < arg.length()) {
                        decided = options.apply(letter, arg.substring(j + 1));
                    } else if (i + 1 < args.length) {
                        decided = options.apply(letter, args[++i]);
                    } else {
                        return options.error("option requires an argument -- '" + letter + "'");
                    }
                    break;
                }
            }
            if (decided != null) {
                return decided;
            }
        }
        if (nonOptions) {
            return new Outcome.Exit(1, "", argv0 + ": unexpected, non-option, command line arguments\n");
        }
        return new Outcome.Run(options.result());
    }

    /** The long option {@code name} names exactly or abbreviates alone; -1 if none, AMBIGUOUS if several. */
    private static int longOption(String name) {
        int found = -1;
        for (int k = 0; k < LONG_NAMES.length; k++) {
            if (LONG_NAMES[k].equals(name)) {
                return k;
            }
            if (LONG_NAMES[k].startsWith(name)) {
                found = found == -1 ? k : AMBIGUOUS;
            }
        }
        return found;
    }

    private static String ambiguity(String arg, String name) {
        StringBuilder b = new StringBuilder("option '").append(arg).append("' is ambiguous; possibilities:");
        for (String candidate : LONG_NAMES) {
            if (candidate.startsWith(name)) {
                b.append(" '--").append(candidate).append('\'');
            }
        }
        return b.toString();
    }

    /** What the options seen so far have set, as libvirt's main keeps it while it loops. */
    private static final class Options {
        private final String argv0;
        private final String usage;
        private boolean daemon;
        private boolean verbose;
        private String config;
        private String pidFile;
        private int timeout;

        Options(String argv0, String usage) {
            this.argv0 = argv0;
            this.usage = usage;
        }

        /** Takes one option into account; an outcome when it ends the parse there. */
        Outcome apply(char letter, String value) {
            switch (letter) {
                case 'd' -> daemon = true;
                case 'v' -> verbose = true;
                case 'f' -> config = value;
                case 'p' -> pidFile = value;
                case 't' -> {
                    Integer seconds = timeout(value);
                    if (seconds == null) {
                        return new Outcome.Exit(1, "", "", "Invalid value for timeout");
                    }
                    timeout = seconds;
                }
                case 'V' -> {
                    return new Outcome.Exit(0, argv0 + " (libvirt) " + Version.LIBVIRT + "\n", "");
                }
                case 'h' -> {
                    return new Outcome.Exit(0, "", usage);
                }
                default -> throw new IllegalArgumentException("not an option letter: " + letter);
            }
            return null;
        }

        Outcome error(String message) {
            return new Outcome.Exit(1, "", argv0 + ": " + message + "\n" + usage);
        }

        DaemonOptions result() {
            return new DaemonOptions(daemon, Optional.ofNullable(config).map(Path::of),
                    Optional.ofNullable(pidFile).map(Path::of), timeout, verbose);
        }
    }

    /**
     * libvirt's check of {@code -t}: virStrToLong_i base 10 with an end pointer, i.e. strtol (C
     * white space, a sign, at least one digit; what follows the digits is ignored, so {@code 5s}
     * is 5), then 0 ≤ n ≤ INT_MAX/1000. Null when invalid.
     */
    static Integer timeout(String text) {
        int i = 0;
        while (i < text.length() && " \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        boolean negative = i < text.length() && text.charAt(i) == '-';
        if (i < text.length() && (negative || text.charAt(i) == '+')) {
            i++;
        }
        int digits = i;
        long n = 0;
        for (; i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9'; i++) {
            n = Math.min(n * 10 + (text.charAt(i) - '0'), Integer.MAX_VALUE + 1L); // past INT_MAX is refused anyway
        }
        if (i == digits) {
            return null;
        }
        return negative && n > 0 || n > Integer.MAX_VALUE / 1000 ? null : (int) n;
    }
}
