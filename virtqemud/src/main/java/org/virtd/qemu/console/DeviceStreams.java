package org.virtd.qemu.console;

import org.virtd.core.driver.StreamChannel;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.lifecycle.DomainLifecycle;
import org.virtd.qemu.lifecycle.RunningDomain;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open streams to a kind of character device (consoles, channels): one session per device
 * path, a second one refused unless forced (which ends the first), each ended when the guest stops.
 */
final class DeviceStreams {

    /** Opens the guest side once the device is known to be free. */
    interface Opener {
        CharEndpoint open() throws IOException;
    }

    private final String busyMessage;
    private final ConcurrentHashMap<String, ConsoleSession> open = new ConcurrentHashMap<>();

    DeviceStreams(String busyMessage) {
        this.busyMessage = busyMessage;
    }

    /** The call's stream, which the RPC layer always gives a stream procedure. */
    static StreamChannel required(StreamChannel stream, String call) throws VirtException {
        if (stream == null) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, call + " call without a stream");
        }
        return stream;
    }

    /** The run of the locked domain; "domain is not running" in {@code notRunning} otherwise. */
    static RunningDomain running(DomainLifecycle lifecycle, DomainObject dom, ErrorDomain notRunning)
            throws VirtException {
        RunningDomain rd = lifecycle.running(dom);
        if (rd == null || !dom.isActive()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, notRunning, "domain is not running");
        }
        return rd;
    }

    /** Called with the domain locked; {@code opener}'s failure becomes {@code openFailed} with its reason. */
    void attach(DomainObject dom, RunningDomain rd, String path, boolean force, StreamChannel stream, Opener opener,
                String openFailed) throws VirtException {
        String key = dom.uuid() + "/" + path;
        ConsoleSession old = open.get(key);
        if (old != null) {
            if (!force) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, busyMessage);
            }
            old.takenOver();
        }
        CharEndpoint endpoint;
        try {
            endpoint = opener.open();
        } catch (IOException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU, openFailed + ": " + e.getMessage(), e);
        }
        ConsoleSession[] self = new ConsoleSession[1];
        Runnable guestStopped = () -> self[0].end(true);
        ConsoleSession session = new ConsoleSession(dom.name(), endpoint, stream, () -> {
            open.remove(key, self[0]);
            rd.removeStopHook(guestStopped);
        });
        self[0] = session;
        open.put(key, session);
        rd.onStop(guestStopped);
        session.start();
    }
}
