package org.virtd.qemu.lifecycle;

import org.virtd.core.driver.ClientLink;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.qemu.QemuProgram;
import org.virtd.rpc.qemu.types.MonitorEvent;
import org.virtd.rpc.remote.types.DomainRef;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Clients' QEMU monitor-event callbacks (virConnectDomainQemuMonitorEventRegister, QEMU program
 * procs 4 and 5), and the fan-out of every QMP event of a running guest to them as proc 6
 * messages, in the order QEMU sent them.
 */
public final class MonitorCallbacks {

    private record Callback(ClientLink client, int id, byte[] uuid, MonitorFilter filter) {
        boolean wants(DomainRef domain, String event) {
            return (uuid == null || Arrays.equals(uuid, domain.uuid())) && filter.accepts(event);
        }
    }

    private final List<Callback> callbacks = new CopyOnWriteArrayList<>();

    /** Proc 4: returns the callback id; a client's callbacks go when it disconnects. */
    public int register(ClientLink client, DomainRef domain, MonitorFilter filter) {
        Callback c = new Callback(client, client.newCallbackId(), domain != null ? domain.uuid() : null, filter);
        callbacks.add(c);
        client.onClose(() -> callbacks.removeIf(x -> x.client == client));
        return c.id;
    }

    /** Proc 5. */
    public void deregister(ClientLink client, int id) throws VirtException {
        if (!callbacks.removeIf(c -> c.client == client && c.id == id)) {
            throw new VirtException(ErrorCode.INVALID_ARG, ErrorDomain.NONE,
                    "qemu monitor event callback " + id + " not registered");
        }
    }

    /**
     * One QMP event of a running domain.
     *
     * @param details the event's JSON {@code data} member as text, or null
     */
    public synchronized void publish(DomainRef domain, String event, long seconds, int micros, String details) {
        for (Callback c : callbacks) {
            if (c.wants(domain, event) && !c.client.closed()) {
                c.client.message(QemuProgram.DOMAIN_MONITOR_EVENT,
                        new MonitorEvent(c.id, domain, event, seconds, micros, details));
            }
        }
    }
}
