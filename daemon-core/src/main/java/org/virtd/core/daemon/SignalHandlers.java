package org.virtd.core.daemon;

import sun.misc.Signal;

import java.util.List;
import java.util.function.Consumer;

/**
 * The daemon's signals (daemons.md §10): SIGHUP reloads, SIGTERM / SIGINT / SIGQUIT quit. Each
 * delivery runs its action on a fresh named thread, never on the JVM's signal thread. SIGQUIT is
 * only available when the JVM runs with {@code -Xrs}; otherwise it is
 * skipped and reported (without -Xrs, which would take SIGHUP/SIGTERM/SIGINT away from us, the JVM
 * keeps SIGQUIT for thread dumps).
 */
final class SignalHandlers {

    private SignalHandlers() {
    }

    /** Installs the handlers; returns the names of signals that could not be taken over. */
    static List<String> install(Runnable reload, Consumer<String> quit) {
        java.util.ArrayList<String> failed = new java.util.ArrayList<>();
        handle("HUP", failed, s -> reload.run());
        for (String name : List.of("TERM", "INT", "QUIT")) {
            handle(name, failed, quit);
        }
        return failed;
    }

    private static void handle(String name, List<String> failed, Consumer<String> action) {
        try {
            Signal.handle(new Signal(name), sig -> {
                Thread t = new Thread(() -> action.accept("SIG" + name), "signal-" + name.toLowerCase());
                t.setDaemon(true);
                t.start();
            });
        } catch (IllegalArgumentException e) {
            failed.add("SIG" + name);
        }
    }
}
