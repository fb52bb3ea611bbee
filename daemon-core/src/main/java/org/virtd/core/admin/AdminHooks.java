package org.virtd.core.admin;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/**
 * What the ADMIN program needs from the daemon outside the RPC server: logging settings, the
 * idle timeout and the TLS files. Implemented by the daemon's start-up code.
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

    /**
     * SERVER_UPDATE_TLS_FILES ({@code virt-admin server-update-tls}): re-read the TLS files of
     * {@code server}'s TLS sockets; libvirt's error when the server has none.
     */
    default void updateTlsFiles(String server) throws VirtException {
        throw noTls();
    }

    static VirtException noTls() {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                "no tls service found, unable to update tls files");
    }

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
