package org.virtd.core.config;

/**
 * The permission strings of {@code unix_sock_*_perms} turned into mode bits, the way libvirt does
 * when it creates its sockets: an octal number, anything else refused with
 * {@code Failed to parse mode 'x'} and exit status 6 (daemons.md §2, §4). Our message also names
 * the file, line and key.
 */
public final class SocketModes {
    /** Exit status libvirt uses for socket set-up failures. */
    public static final int NETWORK_FAILURE = 6;

    private SocketModes() {
    }

    public static int parse(DaemonConfig config, String key, String value) throws ConfigException {
        String digits = value.strip();
        if (digits.startsWith("+")) {
            digits = digits.substring(1);
        }
        if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '7') || digits.length() > 11) {
            throw failure(config, key, value);
        }
        long mode = Long.parseLong(digits, 8);
        if (mode > 07777) {
            throw failure(config, key, value);
        }
        return (int) mode;
    }

    public static int rw(DaemonConfig c) throws ConfigException {
        return parse(c, "unix_sock_rw_perms", c.unixSockets().rwPerms());
    }

    public static int ro(DaemonConfig c) throws ConfigException {
        return parse(c, "unix_sock_ro_perms", c.unixSockets().roPerms());
    }

    public static int admin(DaemonConfig c) throws ConfigException {
        return parse(c, "unix_sock_admin_perms", c.unixSockets().adminPerms());
    }

    private static ConfigException failure(DaemonConfig config, String key, String value) {
        return new ConfigException(config.origin().where(key) + ": " + key + ": Failed to parse mode '" + value
                + "'", NETWORK_FAILURE);
    }
}
