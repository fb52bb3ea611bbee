package org.virtd.qemu.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.domain.Devices;
import org.virtd.core.driver.ClientSocketPair;
import org.virtd.core.driver.PassedFd;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.SocketChannel;
import java.util.List;

/**
 * virDomainOpenGraphicsFD: a socket connected to the guest's VNC or SPICE server for a client
 * that has no network path to it. The client gets one end of a connected pair; the other end is
 * relayed to the display's TCP port (QEMU's {@code add_client} would need the descriptor passed
 * over the monitor, which this driver's monitor connection cannot do). The relay ends with
 * either side or when the guest stops.
 */
public final class GraphicsSockets {
    private static final Logger LOG = LoggerFactory.getLogger(GraphicsSockets.class);
    private static final int BUFFER = 64 * 1024;

    private final DomainControl control;

    GraphicsSockets(DomainControl control) {
        this.control = control;
    }

    public PassedFd open(DomainObject dom, int idx) throws VirtException {
        dom.lock().lock();
        try {
            RunningDomain rd = control.active(dom, ErrorDomain.DOMAIN);
            List<Devices.GraphicsDef> graphics = rd.live().devices() == null ? List.of()
                    : rd.live().devices().graphics();
            if (idx < 0 || idx >= graphics.size()) {
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                        "No graphics backend with index " + Integer.toUnsignedString(idx));
            }
            Devices.GraphicsDef g = graphics.get(idx);
            if (!"vnc".equals(g.type()) && !"spice".equals(g.type())) {
                throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                        "Can only open VNC or SPICE graphics backends, not " + g.type());
            }
            if (g.socket() != null) {
                return relay(rd, java.net.UnixDomainSocketAddress.of(g.socket()), g.socket());
            }
            String host = g.listen() == null || g.listen().equals("0.0.0.0") ? "127.0.0.1" : g.listen();
            return relay(rd, new InetSocketAddress(host, g.port()), host + ":" + g.port());
        } finally {
            dom.lock().unlock();
        }
    }

    private PassedFd relay(RunningDomain rd, java.net.SocketAddress display, String where) throws VirtException {
        ClientSocketPair.Pair pair = null;
        SocketChannel tcp = null;
        try {
            tcp = SocketChannel.open(display);
            pair = ClientSocketPair.open(rd.domainDir());
            SocketChannel server = tcp;
            ByteChannel local = pair.local();
            Runnable end = () -> closeQuietly(local, server);
            rd.onStop(end);
            Runnable done = () -> {
                end.run();
                rd.removeStopHook(end);
            };
            start("graphics-in", local, server, done);
            start("graphics-out", server, local, done);
            return pair.passed();
        } catch (IOException e) {
            closeQuietly(tcp);
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "unable to connect to the graphics server at " + where + ": " + e.getMessage(), e);
        }
    }

    private static void start(String name, ByteChannel from, ByteChannel to, Runnable done) {
        Thread t = new Thread(() -> {
            ByteBuffer buf = ByteBuffer.allocate(BUFFER);
            try {
                while (from.read(buf) >= 0) {
                    buf.flip();
                    while (buf.hasRemaining()) {
                        to.write(buf);
                    }
                    buf.clear();
                }
            } catch (IOException e) {
                LOG.debug("graphics relay {} ended: {}", Thread.currentThread().getName(), e.toString());
            } finally {
                done.run();
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(java.io.Closeable... cs) {
        for (java.io.Closeable c : cs) {
            if (c == null) {
                continue;
            }
            try {
                c.close();
            } catch (IOException ignored) {
                // already closed
            }
        }
    }
}
