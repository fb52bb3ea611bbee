package org.virtd.core.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * slf4j bound to logback without logback's auto-configuration. A daemon names this provider
 * ({@code slf4j.provider}, see {@code WarmUp}); it makes the logger context and applies the
 * start-up settings itself, sparing a socket-activated start the service-loader scans and
 * reflective configurator search of logback's own provider (tens of milliseconds of CPU before
 * the first reply). Where slf4j starts some other way, {@link StartupConfigurator} gives the
 * same result through logback's path.
 */
public final class DaemonLoggingProvider implements SLF4JServiceProvider {
    private LoggerContext context;
    private IMarkerFactory markers;
    private MDCAdapter mdc;

    @Override
    public void initialize() {
        LoggerContext c = new LoggerContext();
        c.setName("default");
        LogbackWiring.applyInitial(c);
        c.start();
        mdc = new LogbackMDCAdapter();
        c.setMDCAdapter(mdc);
        markers = new BasicMarkerFactory();
        context = c;
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return context;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }
}
