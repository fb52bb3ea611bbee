package org.virtd.core.config;

/**
 * A configuration the daemon must refuse: the message is the text libvirt logs, and {@link
 * #exitStatus()} the status the daemon exits with (1 for syntax, type and value errors, 6 for
 * socket permissions and group, 3 for inconsistent server limits; daemons.md §4 and §6).
 */
public class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int exitStatus;

    public ConfigException(String message, int exitStatus) {
        super(message);
        this.exitStatus = exitStatus;
    }

    public ConfigException(String message) {
        this(message, 1);
    }

    public int exitStatus() {
        return exitStatus;
    }
}
