package org.virtd.core.daemon;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandLineTest {
    private static final String USAGE = "USAGE\n";

    private static CommandLine.Outcome parse(String... args) {
        return CommandLine.parse("/usr/sbin/virtqemud", args, USAGE);
    }

    @Test
    void optionsLikeGetopt() {
        var run = assertInstanceOf(CommandLine.Outcome.Run.class, parse("-dv", "-t5", "--config=/a.conf", "-p", "x.pid"));
        assertEquals(new DaemonOptions(true, Optional.of(Path.of("/a.conf")), Optional.of(Path.of("x.pid")), 5, true),
                run.options());
    }

    @Test
    void longNamesAbbreviatedValuesFromTheNextArgumentLastOneWins() {
        var run = assertInstanceOf(CommandLine.Outcome.Run.class,
                parse("--conf", "-d", "--pid=", "--verb", "-fb.conf", "--time", "7"));
        assertEquals(new DaemonOptions(false, Optional.of(Path.of("b.conf")), Optional.of(Path.of("")), 7, true),
                run.options());
    }

    @Test
    void theFirstDecidingOptionWinsAndNonOptionsAreRefusedAfterwards() {
        assertEquals(new CommandLine.Outcome.Exit(1, "", "", "Invalid value for timeout"), parse("-t", "x", "-V"));
        assertEquals(0, ((CommandLine.Outcome.Exit) parse("stray", "-V")).status());
        assertEquals(new CommandLine.Outcome.Exit(1, "",
                "/usr/sbin/virtqemud: unexpected, non-option, command line arguments\n"), parse("--", "-V"));
        assertEquals(new CommandLine.Outcome.Exit(1, "",
                "/usr/sbin/virtqemud: unexpected, non-option, command line arguments\n"), parse("-d", "-"));
        assertEquals(new CommandLine.Outcome.Exit(1, "", "/usr/sbin/virtqemud: option '--ver=1' is ambiguous; "
                + "possibilities: '--verbose' '--version'\n" + USAGE), parse("--ver=1", "-V"));
        assertEquals(new CommandLine.Outcome.Exit(1, "",
                "/usr/sbin/virtqemud: option '--daemon' doesn't allow an argument\n" + USAGE), parse("--dae="));
        assertEquals(new CommandLine.Outcome.Exit(1, "",
                "/usr/sbin/virtqemud: option '--config' requires an argument\n" + USAGE), parse("-v", "--conf"));
    }

    @Test
    void versionHelpAndErrors() {
        assertEquals(new CommandLine.Outcome.Exit(0, "/usr/sbin/virtqemud (libvirt) 9.0.0\n", ""), parse("-V"));
        assertEquals(new CommandLine.Outcome.Exit(0, "", USAGE), parse("--help"));
        assertEquals(new CommandLine.Outcome.Exit(1, "", "/usr/sbin/virtqemud: invalid option -- 'x'\n" + USAGE),
                parse("-x"));
        assertEquals(new CommandLine.Outcome.Exit(1, "", "/usr/sbin/virtqemud: unrecognized option '--bogus'\n" + USAGE),
                parse("--bogus"));
        assertEquals(new CommandLine.Outcome.Exit(1, "",
                "/usr/sbin/virtqemud: unexpected, non-option, command line arguments\n"), parse("stray"));
        var missing = assertInstanceOf(CommandLine.Outcome.Exit.class, parse("-f"));
        assertEquals(1, missing.status());
        assertTrue(missing.stderr().startsWith("/usr/sbin/virtqemud: option requires an argument -- 'f'"));
    }

    @Test
    void timeoutBounds() {
        assertEquals(new CommandLine.Outcome.Exit(1, "", "", "Invalid value for timeout"), parse("-t", "-1"));
        assertEquals(new CommandLine.Outcome.Exit(1, "", "", "Invalid value for timeout"), parse("-t", "2147484"));
        assertEquals(2147483, CommandLine.timeout("2147483"));
        assertEquals(5, CommandLine.timeout("5s")); // strtol's end pointer: the rest is ignored
        assertEquals(0, CommandLine.timeout("0x10"));
        assertEquals(9, CommandLine.timeout("\t 9"));
        assertEquals(null, CommandLine.timeout("\u001c9")); // white space to Java, not to C
        assertEquals(null, CommandLine.timeout("- 5"));
    }

    @Test
    void usageListsDefaultPathsForThisUser() {
        String user = Usage.text("virtproxyd", DaemonIdentity.VIRTPROXYD,
                DaemonPaths.of(DaemonIdentity.VIRTPROXYD, 1000, Map.of("HOME", "/h")));
        assertTrue(user.contains("      $XDG_CONFIG_HOME/libvirt/virtproxyd.conf\n"), user);
        assertTrue(user.contains("      $XDG_RUNTIME_DIR/libvirt/libvirt-sock\n\n"), user);
        assertTrue(user.contains("      CA certificate: $HOME/.pki/libvirt/cacert.pem\n"), user);
        assertTrue(user.contains("  -t | --timeout <secs>  Exit after timeout period\n"), user);
        String root = Usage.text("virtqemud", DaemonIdentity.VIRTQEMUD,
                DaemonPaths.of(DaemonIdentity.VIRTQEMUD, 0, Map.of()));
        assertTrue(root.contains("      /run/libvirt/virtqemud-sock\n      /run/libvirt/virtqemud-sock-ro\n"), root);
        assertTrue(root.endsWith("    PID file (unless overridden by -p):\n      /run/virtqemud.pid\n\n"), root);
        assertTrue(!root.contains("TLS:"));
    }
}
