package org.virtd.core.logging;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.core.spi.ContextAwareBase;

/**
 * Logback's first configuration, found through the service loader so that logback never scans
 * the class path for logback.xml: warnings and errors on stderr in libvirt's format until the
 * daemon applies its configured {@link LogSettings}.
 */
public final class StartupConfigurator extends ContextAwareBase implements Configurator {

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        LogbackWiring.applyInitial(context);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }
}
