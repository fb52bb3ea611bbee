package org.virtd.core.driver;

import org.virtd.rpc.error.VirtException;

/**
 * A hypervisor driver as a daemon hosts it (libvirt's virConnectDriver plus its state driver).
 * Each daemon's {@code Main} hands exactly one to the core; shared code never asks which daemon
 * it runs in. Handlers are bound once at start-up into the table the dispatcher reads.
 */
public interface Driver {

    /** The hypervisor type reported by CONNECT_GET_TYPE, e.g. {@code QEMU}. */
    String name();

    /**
     * Whether a CONNECT_OPEN with this URI belongs to this driver. {@code uri} is null or empty
     * when the client asked the daemon to probe.
     */
    boolean accepts(String uri);

    /** Opens the per-client hypervisor connection, or throws the error the client should see. */
    DriverConnection open(OpenRequest request) throws VirtException;

    /** Binds the driver's handlers; called once before any client connects. */
    void bind(HandlerTable table);

    /** Driver-level answers to CONNECT_SUPPORTS_FEATURE (daemon-level features are the core's). */
    default boolean supportsFeature(int feature) {
        return false;
    }

    /**
     * Initialises state (load configs, reattach guests, autostart). Runs once, off the event
     * loop, after the sockets listen; clients are accepted when it returns.
     */
    default void start(DriverContext context) throws Exception {
    }

    /** SIGHUP: reread what can change live. Returns a short description of what was applied. */
    default String reload() {
        return "nothing to reload";
    }

    /** Daemon shutdown: release resources; running guests must keep running. */
    default void shutdown() {
    }
}
