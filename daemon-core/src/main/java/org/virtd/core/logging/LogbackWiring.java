package org.virtd.core.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.LayoutWrappingEncoder;
import org.slf4j.LoggerFactory;

import java.io.File;

/**
 * Installs {@link LogSettings} into logback, replacing whatever was there: one appender per
 * output (stderr, file, syslog, journald), each with its own priority threshold, and the filter
 * rule as a turbo filter. Used at start-up, on SIGHUP-free admin changes (virt-admin
 * daemon-log-outputs/filters), and by the service-loaded default configuration.
 */
public final class LogbackWiring {
    static final File JOURNAL_SOCKET = new File("/run/systemd/journal/socket");
    static final File SYSLOG_SOCKET = new File("/dev/log");

    private LogbackWiring() {
    }

    /** Applies {@code settings}; {@code ident} names the daemon in journald entries. */
    public static void apply(LogSettings settings, String ident) {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        apply(context, settings, ident);
    }

    /** The settings a daemon logs with until it has read its config: warnings and errors on stderr. */
    static void applyInitial(LoggerContext context) {
        apply(context, LogSettings.INITIAL, "virtd");
    }

    static synchronized void apply(LoggerContext context, LogSettings settings, String ident) {
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        context.resetTurboFilterList();
        LogPriority lowest = settings.priority();
        for (var f : settings.filters()) {
            if (f.priority().number() < lowest.number()) {
                lowest = f.priority();
            }
        }
        root.setLevel(lowest.level());
        if (!settings.filters().isEmpty()) {
            PriorityFilter filter = new PriorityFilter(settings);
            filter.setContext(context);
            filter.start();
            context.addTurboFilter(filter);
        }
        for (LogOutput output : settings.outputs()) {
            Appender<ILoggingEvent> appender = appender(context, output, ident);
            ThresholdFilter threshold = new ThresholdFilter();
            threshold.setLevel(output.priority().level().toString());
            threshold.setContext(context);
            threshold.start();
            appender.addFilter(threshold);
            appender.start();
            root.addAppender(appender);
        }
    }

    private static Appender<ILoggingEvent> appender(LoggerContext context, LogOutput output, String ident) {
        Appender<ILoggingEvent> appender = switch (output.kind()) {
            case STDERR -> stream(context, new ConsoleAppender<>());
            case FILE -> {
                FileAppender<ILoggingEvent> file = new FileAppender<>();
                file.setFile(output.argument());
                file.setAppend(true);
                yield stream(context, file);
            }
            case SYSLOG -> new DatagramAppender(SYSLOG_SOCKET, new SyslogFormat(output.argument()));
            case JOURNALD -> new DatagramAppender(JOURNAL_SOCKET, new JournalFormat(ident));
        };
        appender.setContext(context);
        appender.setName(output.toString());
        return appender;
    }

    private static <A extends OutputStreamAppender<ILoggingEvent>> A stream(LoggerContext context, A appender) {
        if (appender instanceof ConsoleAppender<ILoggingEvent> console) {
            console.setTarget("System.err");
        }
        LibvirtLayout layout = new LibvirtLayout();
        layout.setContext(context);
        layout.start();
        LayoutWrappingEncoder<ILoggingEvent> encoder = new LayoutWrappingEncoder<>();
        encoder.setContext(context);
        encoder.setLayout(layout);
        encoder.start();
        appender.setEncoder(encoder);
        appender.setImmediateFlush(true);
        return appender;
    }
}
