package org.virtd.core.daemon;

import org.virtd.core.admin.AdminHooks;
import org.virtd.core.logging.LogSettings;
import org.virtd.core.logging.LogSyntax;
import org.virtd.core.logging.LogbackWiring;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/**
 * The daemon's live logging and idle-timeout settings as the ADMIN program sees them (virt-admin
 * daemon-log-outputs, daemon-log-filters, daemon-timeout; daemons.md §8, §9): owns the current
 * {@link LogSettings} and re-applies them to logback on every change.
 */
final class LoggingControl implements AdminHooks {
    private final String ident;
    private final LogSettings defaultOutputs;
    private volatile LogSettings current;
    private volatile IdleTimer timer;

    LoggingControl(String ident, LogSettings initial, LogSettings defaultOutputs) {
        this.ident = ident;
        this.current = initial;
        this.defaultOutputs = defaultOutputs;
    }

    void attach(IdleTimer idleTimer) {
        this.timer = idleTimer;
    }

    synchronized void apply(LogSettings settings) {
        current = settings;
        LogbackWiring.apply(settings, ident);
    }

    LogSettings current() {
        return current;
    }

    @Override
    public String logOutputs() {
        return current.outputsText();
    }

    @Override
    public String logFilters() {
        return current.filtersText();
    }

    @Override
    public int logOutputCount() {
        return current.outputs().size();
    }

    @Override
    public int logFilterCount() {
        return current.filters().size();
    }

    @Override
    public synchronized void setLogOutputs(String outputs) throws VirtException {
        try {
            var parsed = outputs == null || outputs.isEmpty() ? defaultOutputs.outputs() : LogSyntax.outputs(outputs);
            apply(current.withOutputs(parsed));
        } catch (LogSyntax.LogSyntaxException e) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.LOGGING, e.getMessage());
        }
    }

    @Override
    public synchronized void setLogFilters(String filters) throws VirtException {
        try {
            apply(current.withFilters(LogSyntax.filters(filters)));
        } catch (LogSyntax.LogSyntaxException e) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.LOGGING, e.getMessage());
        }
    }

    @Override
    public void setDaemonTimeout(int seconds) throws VirtException {
        if (seconds < 0 || seconds > Integer.MAX_VALUE / 1000) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.ADMIN, "timeout '" + seconds + "' is out of range");
        }
        IdleTimer t = timer;
        if (t != null) {
            t.setTimeout(seconds);
        }
    }
}
