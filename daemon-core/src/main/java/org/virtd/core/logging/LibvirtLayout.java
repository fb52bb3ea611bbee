package org.virtd.core.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.LayoutBase;

import java.time.Instant;

/**
 * Renders events in libvirt's line format ({@link LogLine}); the first event an output receives is
 * preceded by the version banner, as libvirt writes it before the first message of each output.
 * The "function" is the caller's {@code Class.method:line}.
 */
public final class LibvirtLayout extends LayoutBase<ILoggingEvent> {
    private volatile boolean bannerWritten;

    @Override
    public String doLayout(ILoggingEvent event) {
        Instant when = Instant.ofEpochMilli(event.getTimeStamp());
        StringBuilder b = new StringBuilder();
        if (!bannerWritten) {
            bannerWritten = true;
            b.append(LogLine.bannerLines(when));
        }
        b.append(LogLine.format(when, LogPriority.of(event.getLevel()), source(event), event.getFormattedMessage()));
        IThrowableProxy t = event.getThrowableProxy();
        if (t != null) {
            b.append(ThrowableProxyUtil.asString(t)).append('\n');
        }
        return b.toString();
    }

    static String source(ILoggingEvent event) {
        StackTraceElement[] caller = event.getCallerData();
        if (caller == null || caller.length == 0) {
            String name = event.getLoggerName();
            return name.substring(name.lastIndexOf('.') + 1) + ":0";
        }
        String cls = caller[0].getClassName();
        return cls.substring(cls.lastIndexOf('.') + 1) + "." + caller[0].getMethodName() + ":"
                + caller[0].getLineNumber();
    }
}
