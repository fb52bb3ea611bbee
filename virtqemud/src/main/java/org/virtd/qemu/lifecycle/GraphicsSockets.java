package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.Devices;
import org.virtd.core.driver.PassedFd;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.FileDescriptor;
import java.io.IOException;
import java.util.List;

/**
 * virDomainOpenGraphicsFD: one end of a new socket pair is handed to QEMU over the monitor
 * ({@code getfd}, then {@code add_client} makes it a client of the VNC or SPICE server, skipping
 * its authentication when asked), the other end goes back to the caller, as libvirtd does.
 */
public final class GraphicsSockets {
    /** The name the descriptor has in QEMU between {@code getfd} and {@code add_client}. */
    private static final String FD_NAME = "graphicsfd";

    private final DomainControl control;

    GraphicsSockets(DomainControl control) {
        this.control = control;
    }

    /** virDomainOpenGraphicsFD: a new socket pair, one end to QEMU, the other for the caller. */
    public PassedFd open(DomainObject dom, int idx, boolean skipAuth) throws VirtException {
        NativeSocketPair pair;
        try {
            pair = NativeSocketPair.open();
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, e.getMessage(), e);
        }
        try {
            give(dom, idx, pair.qemuEnd(), skipAuth);
        } catch (IOException e) {
            pair.close();
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, e.getMessage(), e);
        } catch (VirtException | RuntimeException e) {
            pair.close();
            throw e;
        } finally {
            pair.closeQemuEnd();
        }
        return new PassedFd(pair.clientEnd(), pair::closeClientEnd);
    }

    /**
     * virDomainOpenGraphics: the caller's own socket (passed with the call) becomes a client of
     * the display; our copy of it is closed whatever happens.
     */
    public void attach(DomainObject dom, int idx, PassedFd socket, boolean skipAuth) throws VirtException {
        try {
            give(dom, idx, NativeSocketPair.javaFd(socket.fd()), skipAuth);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, e.getMessage(), e);
        } finally {
            PassedFd.closeAll(List.of(socket));
        }
    }

    /** Hands {@code fd} to QEMU ({@code getfd}) and makes it a client of graphics device {@code idx}. */
    private void give(DomainObject dom, int idx, FileDescriptor fd, boolean skipAuth) throws VirtException, IOException {
        dom.lock().lock();
        try {
            RunningDomain rd = control.active(dom, ErrorDomain.DOMAIN);
            String protocol = protocol(rd, idx);
            QmpClient mon = DomainControl.monitor(rd);
            mon.executeWithFd("getfd", JsonObject.of("fdname", FD_NAME), fd);
            mon.execute("add_client", JsonObject.of("protocol", protocol, "fdname", FD_NAME, "skipauth", skipAuth));
        } finally {
            dom.lock().unlock();
        }
    }

    /** QEMU's name of the protocol of graphics device {@code idx}, with libvirtd's refusals. */
    private static String protocol(RunningDomain rd, int idx) throws VirtException {
        List<Devices.GraphicsDef> graphics = rd.live().devices() == null ? List.of()
                : rd.live().devices().graphics();
        if (idx < 0 || idx >= graphics.size()) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "No graphics backend with index " + idx);
        }
        String type = graphics.get(idx).type();
        if (!"vnc".equals(type) && !"spice".equals(type)) {
            throw new VirtException(ErrorCode.CONFIG_UNSUPPORTED, ErrorDomain.QEMU,
                    "Can only open VNC or SPICE graphics backends, not " + type);
        }
        return type;
    }
}
