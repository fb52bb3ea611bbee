package org.virtd.core.daemon;

/**
 * libvirt's daemon status codes (VIR_DAEMON_ERR_*, daemons.md §4): what the foreground daemon
 * exits with and the byte a {@code -d} child writes to its parent, with the parent's text.
 * Failures before the PID-file stage (options, config, logging) exit with {@link #PIDFILE}'s
 * value 1, as libvirt's {@code exit(EXIT_FAILURE)} does.
 */
public enum ExitCode {
    OK("Initialization successful"),
    PIDFILE("Unable to obtain pidfile"),
    RUNDIR("Unable to create rundir"),
    INIT("Unable to initialize libvirt"),
    SIGNAL("Unable to setup signal handlers"),
    PRIVS("Unable to drop privileges"),
    NETWORK("Unable to initialize network sockets"),
    CONFIG("Unable to load configuration file"),
    HOOKS("Unable to look for hook scripts"),
    REEXEC("Unable to re-execute daemon"),
    AUDIT("Unable to initialize audit system"),
    DRIVER("Unable to initialize driver");

    /** What libvirt's {@code exit(EXIT_FAILURE)} returns. */
    public static final int FAILURE = 1;

    private final String text;

    ExitCode(String text) {
        this.text = text;
    }

    public int status() {
        return ordinal();
    }

    public String text() {
        return text;
    }

    /** The code for a status byte, or null if it is not one of libvirt's. */
    public static ExitCode of(int status) {
        return status >= 0 && status < values().length ? values()[status] : null;
    }
}
