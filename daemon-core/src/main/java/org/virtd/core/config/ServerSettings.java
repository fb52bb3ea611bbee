package org.virtd.core.config;

/**
 * The tunables of one RPC server (the main one or the admin one), from the daemon config
 * (daemons.md §6) and changeable live through SIGHUP or the admin program.
 *
 * <p>{@code sendLowWater}/{@code sendHighWater} are ours ({@code client_send_low_water},
 * {@code client_send_high_water}): bytes queued for one client beyond what its socket took.
 * Over the high mark the client is no longer read until the queue drains below the low mark,
 * so a client that stops reading its replies holds a bounded amount of the daemon's memory.
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
        int keepaliveCount,
        int sendLowWater,
        int sendHighWater) {

    /** Default send-queue water marks per client: 32 KiB and 64 KiB (the socket itself holds more). */
    public static final int SEND_LOW_WATER = 32 * 1024;
    public static final int SEND_HIGH_WATER = 64 * 1024;

    /** libvirtd 9.0's main-server defaults. */
    public static final ServerSettings MAIN_DEFAULTS = new ServerSettings(5000, 20, 1000, 5, 20, 5, 5, 5, 5);
    /** libvirtd 9.0's admin-server defaults as observed (not the conf comments). */
    public static final ServerSettings ADMIN_DEFAULTS = new ServerSettings(5000, 0, 20, 5, 20, 0, 5, 5, 5);

    /** libvirt's settings, with our default send-queue water marks. */
    public ServerSettings(int maxClients, int maxAnonymousClients, int maxQueuedClients, int minWorkers,
                          int maxWorkers, int prioWorkers, int maxClientRequests, int keepaliveInterval,
                          int keepaliveCount) {
        this(maxClients, maxAnonymousClients, maxQueuedClients, minWorkers, maxWorkers, prioWorkers,
                maxClientRequests, keepaliveInterval, keepaliveCount, SEND_LOW_WATER, SEND_HIGH_WATER);
    }

    /** The same settings with other client limits (admin server-set-client-limits). */
    public ServerSettings withClientLimits(int clients, int anonymous) {
        return new ServerSettings(clients, anonymous, maxQueuedClients, minWorkers, maxWorkers, prioWorkers,
                maxClientRequests, keepaliveInterval, keepaliveCount, sendLowWater, sendHighWater);
    }

    /** The same settings with other worker counts (admin server-threadpool-set). */
    public ServerSettings withWorkers(int min, int max, int prio) {
        return new ServerSettings(maxClients, maxAnonymousClients, maxQueuedClients, min, max, prio,
                maxClientRequests, keepaliveInterval, keepaliveCount, sendLowWater, sendHighWater);
    }
}
