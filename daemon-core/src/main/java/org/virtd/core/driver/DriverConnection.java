package org.virtd.core.driver;

/**
 * The hypervisor connection one client opened with CONNECT_OPEN (virConnectPtr inside the
 * daemon). Closed on CONNECT_CLOSE, on a second open, and when the client goes away.
 */
public interface DriverConnection extends AutoCloseable {

    /** The canonical URI reported by CONNECT_GET_URI, e.g. {@code qemu:///system}. */
    String uri();

    @Override
    default void close() {
    }
}
