package org.virtd.core.daemon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.core.admin.AdminHooks;
import org.virtd.core.transport.TlsContext;
import org.virtd.core.transport.TlsException;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/**
 * The daemon's admin hooks: logging and timeout from {@link LoggingControl}, plus
 * {@code server-update-tls} on the main server's TLS context (libvirt's
 * virNetServerUpdateTlsFiles). The new files apply to new connections; connected clients keep
 * their sessions; a failed reload keeps the old files and reports why.
 */
final class TlsUpdatingHooks implements AdminHooks {
    private static final Logger LOG = LoggerFactory.getLogger(TlsUpdatingHooks.class);

    private final AdminHooks base;
    private final String mainServer;
    private volatile TlsContext tls;

    TlsUpdatingHooks(AdminHooks base, String mainServer) {
        this.base = base;
        this.mainServer = mainServer;
    }

    /** The main server's TLS context once its TLS sockets exist. */
    void tls(TlsContext context) {
        this.tls = context;
    }

    @Override
    public void updateTlsFiles(String server) throws VirtException {
        TlsContext context = tls;
        if (context == null || !server.equals(mainServer)) {
            throw AdminHooks.noTls();
        }
        try {
            context.reload();
            LOG.info("TLS files of server {} re-read", server);
        } catch (TlsException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.RPC, e.getMessage());
        }
    }

    @Override
    public String logOutputs() {
        return base.logOutputs();
    }

    @Override
    public String logFilters() {
        return base.logFilters();
    }

    @Override
    public int logOutputCount() {
        return base.logOutputCount();
    }

    @Override
    public int logFilterCount() {
        return base.logFilterCount();
    }

    @Override
    public void setLogOutputs(String outputs) throws VirtException {
        base.setLogOutputs(outputs);
    }

    @Override
    public void setLogFilters(String filters) throws VirtException {
        base.setLogFilters(filters);
    }

    @Override
    public void setDaemonTimeout(int seconds) throws VirtException {
        base.setDaemonTimeout(seconds);
    }
}
