package org.virtd.core.activation;

import org.newsclub.net.unix.AFUNIXDatagramChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A client for systemd's notification socket ({@code $NOTIFY_SOCKET}; daemons.md §11): one
 * datagram per message, e.g. {@code READY=1}, {@code STATUS=…}, {@code RELOADING=1},
 * {@code STOPPING=1}. A leading '@' names an abstract socket. Without the variable every send is
 * a no-op, as with sd_notify(3). Failures are reported, never fatal.
 */
public final class SdNotify {
    private final String socket;

    public SdNotify(String notifySocket) {
        this.socket = notifySocket == null || notifySocket.isEmpty() ? null : notifySocket;
    }

    public boolean enabled() {
        return socket != null;
    }

    /** Sends the newline-separated {@code assignments}; returns false if it could not be sent. */
    public boolean send(String assignments) {
        if (socket == null) {
            return true;
        }
        byte[] payload = assignments.getBytes(StandardCharsets.UTF_8);
        try (AFUNIXDatagramChannel channel = AFUNIXDatagramChannel.open()) {
            channel.send(ByteBuffer.wrap(payload), address());
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private AFUNIXSocketAddress address() throws IOException {
        if (socket.startsWith("@")) {
            return AFUNIXSocketAddress.inAbstractNamespace(socket.substring(1));
        }
        return AFUNIXSocketAddress.of(new File(socket));
    }

    public boolean ready() {
        return send("READY=1");
    }

    public boolean status(String text) {
        return send("STATUS=" + text.replace('\n', ' '));
    }

    public boolean reloading() {
        return send("RELOADING=1");
    }

    public boolean stopping() {
        return send("STOPPING=1");
    }
}
