package org.virtd.qemu.lifecycle;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntSupplier;

/**
 * VNC and SPICE ports for {@code autoport='yes'} (qemu-driver.md §4: allocated upwards from
 * 5900): the first port from 5900 that nothing listens on at the moment of the start and that
 * was not handed out in the last {@link #HELD_NANOS} (a guest with VNC and SPICE asks twice
 * before QEMU binds either, as may two guests starting together).
 */
public final class VncPorts implements IntSupplier {
    public static final int FIRST = 5900;
    private static final int LAST = 65535;
    /** Long enough for QEMU to have bound a port it was given. */
    private static final long HELD_NANOS = 30_000_000_000L;

    private final Map<Integer, Long> handedOut = new HashMap<>();

    @Override
    public synchronized int getAsInt() {
        long now = System.nanoTime();
        handedOut.values().removeIf(at -> now - at > HELD_NANOS);
        for (int port = FIRST; port <= LAST; port++) {
            if (handedOut.containsKey(port)) {
                continue;
            }
            try (ServerSocket s = new ServerSocket()) {
                s.setReuseAddress(true);
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                handedOut.put(port, now);
                return port;
            } catch (IOException busy) {
                // taken; try the next one
            }
        }
        throw new IllegalStateException("no free VNC port");
    }
}
