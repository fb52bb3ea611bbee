package org.virtd.qemu.lifecycle;

import org.virtd.qemu.agent.AgentClient;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.process.QemuProcess;
import org.virtd.qemu.qmp.QmpEvent;
import org.virtd.qemu.qmp.QmpEventListener;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.DomainEventBody;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Binds the QMP event rules ({@link QmpEventRules}) of one run to its real QEMU: listens on the
 * monitor connection, takes the domain's lock around every rule so API calls and events never
 * interleave inside one transition (events come on the connection's event thread), and carries
 * out the rules' effects on the process, the monitor and the driver's {@link DomainLifecycle}.
 * On monitor EOF it waits (bounded) for QEMU to be gone before the exit rule runs.
 */
final class MonitorEvents implements QmpEventListener, RunEffects {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MonitorEvents.class);
    private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

    private final DomainLifecycle lifecycle;
    private final RunningDomain rd;
    private final QmpEventRules rules;

    MonitorEvents(DomainLifecycle lifecycle, RunningDomain rd) {
        this.lifecycle = lifecycle;
        this.rd = rd;
        this.rules = new QmpEventRules(rd, this);
    }

    @Override
    public void onEvent(QmpEvent event) {
        if ("DEVICE_DELETED".equals(event.name())) {
            // a detach waiting under the domain's lock takes it from here
            event.data().string("device").ifPresent(rd.deletions::arrived);
        }
        String refused = QmpEventRules.refusedRemoval(event);
        if (refused != null) {
            rd.deletions.rejected(refused);
        }
        DomainObject dom = rd.domain();
        dom.lock().lock();
        try {
            rules.onEvent(event);
            if (!rd.stopped && isCurrent()) {
                for (RunEventHook hook : lifecycle.eventHooks()) {
                    hook.onEvent(rd, event);
                }
            }
        } finally {
            dom.lock().unlock();
        }
    }

    /** Monitor EOF: QEMU exited. Wait for it to be gone, then stop the run with the right reason. */
    @Override
    public void onClose(boolean eof) {
        if (!eof) {
            return;
        }
        lifecycle.runInBackground(this::ended);
    }

    private void ended() {
        QemuProcess p = rd.process();
        if (p != null) {
            try {
                p.onExit().get(EXIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                if (p.isAlive()) {
                    p.terminate(Duration.ofSeconds(2), true);
                }
            }
        }
        DomainObject dom = rd.domain();
        dom.lock().lock();
        try {
            rules.exited();
        } finally {
            dom.lock().unlock();
        }
    }

    @Override
    public boolean isCurrent() {
        return lifecycle.running(rd.domain()) == rd;
    }

    @Override
    public void monitorEvent(QmpEvent event) {
        lifecycle.monitorCallbacks().publish(rd.domain().ref(), event.name(), event.timestampMicros() / 1_000_000,
                (int) (event.timestampMicros() % 1_000_000),
                event.data().keys().isEmpty() ? null : event.data().toJson());
    }

    @Override
    public void domainEvent(DomainEventBody event) {
        lifecycle.events().domainEvent(event);
    }

    @Override
    public void deviceDeleted(String alias) {
        new LiveDevices(lifecycle).removed(rd, alias);
    }

    @Override
    public void statusChanged() {
        lifecycle.writeStatus(rd);
    }

    @Override
    public void resetAndContinue() throws VirtException {
        var monitor = rd.process().monitor();
        monitor.execute("system_reset", null);
        monitor.execute("cont", null);
    }

    @Override
    public boolean crashDump() {
        try {
            lifecycle.crashDumps().autoDump(rd);
            return true;
        } catch (VirtException | RuntimeException e) {
            LOG.warn("on_crash dump of '{}' failed: {}", rd.domain().name(), e.getMessage());
            return false;
        }
    }

    @Override
    public void terminate() {
        QemuProcess p = rd.process();
        lifecycle.runInBackground(() -> p.terminate(false));
    }

    @Override
    public void terminateThenStop(int reason, int stoppedDetail) {
        QemuProcess p = rd.process();
        DomainObject dom = rd.domain();
        lifecycle.runInBackground(() -> {
            p.terminate(false);
            dom.lock().lock();
            try {
                lifecycle.stop(rd, reason, stoppedDetail);
            } finally {
                dom.lock().unlock();
            }
        });
    }

    @Override
    public void portChanged(String alias, boolean open) {
        DomainEventBody event = AgentChannels.portChanged(rd, alias, open);
        if (event != null) {
            lifecycle.events().domainEvent(event);
        }
    }

    @Override
    public void agentEvent(AgentClient.Await event) {
        AgentClient agent = rd.agent();
        if (agent != null) {
            agent.notifyEvent(event);
        }
    }

    @Override
    public void stop(int reason, int stoppedDetail) {
        lifecycle.stop(rd, reason, stoppedDetail);
    }
}
