package org.virtd.qemu.console;

import org.virtd.core.driver.Checks;
import org.virtd.core.driver.StreamChannel;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.lifecycle.DomainLifecycle;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/**
 * virDomainOpenConsole for the QEMU driver: finds the pty of the named console or serial
 * device (default: the first console) of a running domain, refuses a second session on the
 * same device unless FORCE (which ends the old one), and bridges the pty to the call's stream
 * until the client leaves or the guest stops.
 */
public final class Consoles {
    public static final int FORCE = 1;
    public static final int SAFE = 2;

    private final DomainLifecycle lifecycle;
    private final DeviceStreams streams = new DeviceStreams("Active console session exists for this domain");

    public Consoles(DomainLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    public void open(DomainObject dom, String devName, int flags, StreamChannel stream) throws VirtException {
        Checks.flags(flags, FORCE | SAFE, "qemuDomainOpenConsole", ErrorDomain.QEMU);
        DeviceStreams.required(stream, "console");
        dom.lock().lock();
        try {
            RunningDomain rd = DeviceStreams.running(lifecycle, dom, ErrorDomain.QEMU);
            String pty = rd.pty(devName);
            if (pty == null) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, devName == null
                        ? "cannot find default console device" : "cannot find character device " + devName);
            }
            streams.attach(dom, rd, pty, (flags & FORCE) != 0, stream, () -> PtyFile.open(pty),
                    "cannot open console of '" + dom.name() + "'");
        } finally {
            dom.lock().unlock();
        }
    }
}
