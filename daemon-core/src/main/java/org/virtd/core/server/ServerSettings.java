package org.virtd.core.server;

/**
 * The tunables of one RPC server (the main one or the admin one), from the daemon config
 * (daemons.md §6) and changeable live through SIGHUP or the admin program.
 */
public record ServerSettings(
        int maxClients,
        int maxAnonymousClients,
        int maxQueuedClients,
        int minWorkers,
        int maxWorkers,
        int prioWorkers,
        int maxClientRequests,
        int keepaliveInterval,
        int keepaliveCount) {

    /** libvirtd 9.0's main-server defaults. */
    public static final ServerSettings MAIN_DEFAULTS = new ServerSettings(5000, 20, 1000, 5, 20, 5, 5, 5, 5);
    /** libvirtd 9.0's admin-server defaults as observed (not the conf comments). */
    public static final ServerSettings ADMIN_DEFAULTS = new ServerSettings(5000, 0, 20, 5, 20, 0, 5, 5, 5);
}
