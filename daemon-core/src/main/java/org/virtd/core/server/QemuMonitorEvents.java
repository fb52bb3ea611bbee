package org.virtd.core.server;

import org.virtd.core.event.EventRegistry;
import org.virtd.core.event.MonitorFilter;
import org.virtd.core.peer.Outbound;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.message.Header;
import org.virtd.rpc.message.MessageStatus;
import org.virtd.rpc.message.MessageType;
import org.virtd.rpc.qemu.QemuProgram;
import org.virtd.rpc.qemu.types.MonitorEvent;
import org.virtd.rpc.remote.types.DomainRef;

import java.util.regex.PatternSyntaxException;

import static org.virtd.core.server.BoundHandlers.Mode.INLINE;

/**
 * The QEMU program's monitor-event registration (procs 4 and 5) and the framing of the events
 * themselves (proc 6), kept beside the daemon's other event plumbing.
 */
final class QemuMonitorEvents {
    private QemuMonitorEvents() {
    }

    static void bind(BoundHandlers t, EventRegistry events) {
        t.core(QemuProgram.CONNECT_DOMAIN_MONITOR_EVENT_REGISTER, INLINE, (c, a) -> {
            MonitorFilter filter;
            try {
                filter = MonitorFilter.of(a.event(), a.flags());
            } catch (PatternSyntaxException e) {
                throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                        "failed to compile regex '" + a.event() + "': " + e.getDescription());
            }
            return events.registerMonitor(c.session(), a.domain(), filter);
        });
        t.core(QemuProgram.CONNECT_DOMAIN_MONITOR_EVENT_DEREGISTER, INLINE, (c, id) -> {
            events.deregisterMonitor(c.session(), id);
            return null;
        });
    }

    static void send(Outbound session, int callbackId, DomainRef domain, String event, long seconds, int micros,
                     String details) {
        var msg = QemuProgram.DOMAIN_MONITOR_EVENT;
        session.send(Header.of(msg.program(), msg.version(), msg.number(), MessageType.MESSAGE, 1, MessageStatus.OK),
                msg.args(), new MonitorEvent(callbackId, domain, event, seconds, micros, details));
    }
}
