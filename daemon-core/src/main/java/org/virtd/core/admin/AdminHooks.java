package org.virtd.core.admin;

import org.virtd.rpc.error.VirtException;

/**
 * What the ADMIN program needs from the daemon outside the RPC server: logging settings and the
 * idle timeout. Implemented by the daemon's start-up code.
 */
public interface AdminHooks {

    /** Current outputs in libvirt syntax, e.g. {@code 3:stderr}. */
    String logOutputs();

    /** Current filters in libvirt's normalised syntax, or null when none. */
    String logFilters();

    int logOutputCount();

    int logFilterCount();

    /** Replaces the outputs; null restores the default. Throws INVALID_ARG style errors on bad input. */
    void setLogOutputs(String outputs) throws VirtException;

    /** Replaces the filters; null clears them. */
    void setLogFilters(String filters) throws VirtException;

    /** CONNECT_SET_DAEMON_TIMEOUT: 0 disables the idle timeout. */
    void setDaemonTimeout(int seconds) throws VirtException;

    AdminHooks NONE = new AdminHooks() {
        @Override
        public String logOutputs() {
            return "3:stderr";
        }

        @Override
        public String logFilters() {
            return null;
        }

        @Override
        public int logOutputCount() {
            return 1;
        }

        @Override
        public int logFilterCount() {
            return 0;
        }

        @Override
        public void setLogOutputs(String outputs) {
        }

        @Override
        public void setLogFilters(String filters) {
        }

        @Override
        public void setDaemonTimeout(int seconds) {
        }
    };
}
