package org.virtd.core.activation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the systemd activation variables say, as libvirt reads them (virSystemdGetActivation,
 * daemons.md §11): not activated (variables absent, malformed, or meant for another pid);
 * activation abandoned with an error (no LISTEN_FDNAMES, or a name count that differs from
 * LISTEN_FDS: the fds are closed and the daemon creates its own sockets); or activated.
 */
public sealed interface Activation {
    /** Index of the first passed descriptor (SD_LISTEN_FDS_START). */
    int FIRST_FD = 3;

    /** The variables to drop from the environment once read. */
    List<String> VARIABLES = List.of("LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES");

    /** No activation for this process. */
    record None() implements Activation {
    }

    /** Activation refused: {@code error} is logged, {@code fdsToClose} closed. */
    record Abandoned(String error, List<Integer> fdsToClose) implements Activation {
        public Abandoned {
            fdsToClose = List.copyOf(fdsToClose);
        }
    }

    /** The passed sockets by name. */
    record Activated(ActivationFds fds) implements Activation {
    }

    /** Reads the variables from {@code env} for the process {@code ownPid}. */
    static Activation parse(Map<String, String> env, long ownPid) {
        Long pid = number(env.get("LISTEN_PID"));
        Long count = number(env.get("LISTEN_FDS"));
        if (pid == null || pid != ownPid || count == null || count <= 0 || count > 1024) {
            return new None();
        }
        List<Integer> fds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            fds.add(FIRST_FD + i);
        }
        String names = env.get("LISTEN_FDNAMES");
        if (names == null) {
            return new Abandoned("Missing LISTEN_FDNAMES env from systemd socket activation", fds);
        }
        String[] split = names.split(":", -1);
        if (split.length != count) {
            return new Abandoned("Expecting " + count + " FD names but got " + split.length, fds);
        }
        List<NamedFd> named = new ArrayList<>();
        for (int i = 0; i < split.length; i++) {
            named.add(new NamedFd(fds.get(i), split[i]));
        }
        return new Activated(new ActivationFds(named));
    }

    private static Long number(String s) {
        if (s == null || s.isEmpty() || !s.chars().allMatch(Character::isDigit) || s.length() > 18) {
            return null;
        }
        return Long.parseLong(s);
    }
}
