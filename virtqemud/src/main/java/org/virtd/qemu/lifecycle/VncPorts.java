package org.virtd.qemu.lifecycle;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.function.IntSupplier;

/**
 * VNC ports for {@code autoport='yes'} (qemu-driver.md §4: allocated upwards from 5900): the
 * first port from 5900 that nothing listens on at the moment of the start.
 */
public final class VncPorts implements IntSupplier {
    public static final int FIRST = 5900;
    private static final int LAST = 65535;

    @Override
    public int getAsInt() {
        for (int port = FIRST; port <= LAST; port++) {
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return port;
            } catch (IOException busy) {
                // taken; try the next one
            }
        }
        throw new IllegalStateException("no free VNC port");
    }
}
