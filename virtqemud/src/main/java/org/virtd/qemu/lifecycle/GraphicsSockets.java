package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.Devices;
import org.virtd.core.driver.PassedFd;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

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

    public PassedFd open(DomainObject dom, int idx, boolean skipAuth) throws VirtException {
        dom.lock().lock();
        try {
            RunningDomain rd = control.active(dom, ErrorDomain.DOMAIN);
            String protocol = protocol(rd, idx);
            NativeSocketPair pair;
            try {
                pair = NativeSocketPair.open();
            } catch (IOException e) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, e.getMessage(), e);
            }
            try {
                QmpClient mon = DomainControl.monitor(rd);
                mon.executeWithFd("getfd", JsonObject.of("fdname", FD_NAME), pair.qemuEnd());
                mon.execute("add_client", JsonObject.of("protocol", protocol, "fdname", FD_NAME, "skipauth", skipAuth));
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
