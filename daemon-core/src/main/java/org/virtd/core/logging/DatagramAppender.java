package org.virtd.core.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * Sends each event as one datagram to a local unix socket: {@code /dev/log} for the syslog output
 * and {@code /run/systemd/journal/socket} for journald (daemons.md §8). The message encoding is a
 * {@link DatagramFormat}. Like libvirt, a missing socket loses messages silently.
 */
final class DatagramAppender extends AppenderBase<ILoggingEvent> {
    private final File socketPath;
    private final DatagramFormat format;
    private boolean bannerSent;
    private AFUNIXDatagramChannel channel;

    DatagramAppender(File socketPath, DatagramFormat format) {
        this.socketPath = socketPath;
        this.format = format;
    }

    /** Encodes one message (priority, source, text) into a datagram. */
    interface DatagramFormat {
        byte[] encode(Instant when, LogPriority priority, String source, String message);
    }

    @Override
    protected void append(ILoggingEvent event) {
        Instant when = Instant.ofEpochMilli(event.getTimeStamp());
        if (!bannerSent) {
            bannerSent = true;
            for (String line : LogLine.banner()) {
                send(format.encode(when, LogPriority.INFO, "virLogVMessage:0", line));
            }
        }
        send(format.encode(when, LogPriority.of(event.getLevel()), LibvirtLayout.source(event),
                event.getFormattedMessage()));
    }

    private void send(byte[] payload) {
        try {
            if (channel == null) {
                channel = AFUNIXDatagramChannel.open();
            }
            channel.send(ByteBuffer.wrap(payload), AFUNIXSocketAddress.of(socketPath));
        } catch (IOException | RuntimeException e) {
            // the log daemon is absent or full: libvirt drops the message too
        }
    }

    @Override
    public void stop() {
        super.stop();
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing was pending
            }
        }
    }

}
