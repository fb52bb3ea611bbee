package org.virtd.core.logging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A BSD syslog datagram as syslog(3) sends it to {@code /dev/log} for an output
 * {@code LEVEL:syslog:IDENT}: facility daemon, the ident and pid, then libvirt's message
 * {@code source : text}.
 */
final class SyslogFormat implements DatagramAppender.DatagramFormat {
    private static final int FACILITY_DAEMON = 3;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT).withZone(ZoneId.systemDefault());
    private final String ident;
    private final long pid = ProcessHandle.current().pid();

    SyslogFormat(String ident) {
        this.ident = ident;
    }

    @Override
    public byte[] encode(Instant when, LogPriority priority, String source, String message) {
        int pri = FACILITY_DAEMON * 8 + priority.syslogSeverity();
        String line = "<" + pri + ">" + TIME.format(when) + " " + ident + "[" + pid + "]: " + source + " : " + message;
        return line.getBytes(StandardCharsets.UTF_8);
    }
}
