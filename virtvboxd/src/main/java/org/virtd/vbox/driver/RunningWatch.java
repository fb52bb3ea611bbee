package org.virtd.vbox.driver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.state.DomainStates;
import org.virtd.core.driver.EventSink;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.LifecycleEvent;
import org.virtd.vbox.manage.MachineEntry;
import org.virtd.vbox.manage.MachineInfo;
import org.virtd.vbox.manage.MachineList;
import org.virtd.vbox.manage.MachineState;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Lifecycle events for changes made behind the daemon's back (issue 12; libvirt's vbox driver
 * has none): while any client has a domain-event callback registered, {@code list runningvms}
 * is polled at a modest interval on a thread of its own (no thread and no polling otherwise) and
 * machines that came online raise STARTED, machines that went offline STOPPED with the reason
 * their state tells (crashed, saved, else shutdown). Changes the daemon makes itself
 * are recorded through {@link #note} under the driver's change lock, so they are not reported twice.
 */
final class RunningWatch {
    private static final Logger LOG = LoggerFactory.getLogger(RunningWatch.class);
    static final Duration INTERVAL = Duration.ofSeconds(2);
    static final int STOPPED_SAVED = 4;

    private final MachinesSource machines;
    private final EventSink events;
    private final Duration interval;
    /** Online machines as last seen (uuid → name); null until the first poll. */
    private Map<UUID, String> online;
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> task;

    RunningWatch(MachinesSource machines, EventSink events, Duration interval) {
        this.machines = machines;
        this.events = events;
        this.interval = interval;
    }

    /**
     * Domain-event callbacks appeared (true) or the last one went (false). The first poll runs
     * here, before the registration is answered, so a machine started right after it is seen
     * as a change.
     */
    void listeners(boolean present) {
        if (present) {
            pollQuietly();
            synchronized (this) {
                if (timer == null) {
                    timer = Executors.newSingleThreadScheduledExecutor(r -> {
                        Thread t = new Thread(r, "vbox-running-watch");
                        t.setDaemon(true);
                        return t;
                    });
                }
                if (task == null) {
                    task = timer.scheduleWithFixedDelay(this::pollQuietly, interval.toMillis(), interval.toMillis(),
                            TimeUnit.MILLISECONDS);
                }
            }
        } else {
            synchronized (this) {
                if (task != null) {
                    task.cancel(false);
                    task = null;
                }
                // its thread ends with the last listener, not with the daemon (issue 17's budget)
                if (timer != null) {
                    timer.shutdown();
                    timer = null;
                }
                online = null;
            }
        }
    }

    synchronized void shutdown() {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** The daemon changed a machine's online state itself: remember it without an event. */
    synchronized void note(UUID uuid, String name, boolean isOnline) {
        if (online != null) {
            if (isOnline) {
                online.put(uuid, name);
            } else {
                online.remove(uuid);
            }
        }
    }

    private void pollQuietly() {
        try {
            Machines m = machines.get();
            m.exclusive(() -> {
                poll(m);
                return null;
            });
        } catch (VirtException | RuntimeException e) {
            LOG.debug("polling running machines failed: {}", e.getMessage());
        }
    }

    void poll(Machines m) throws VirtException {
        Map<UUID, String> now = new HashMap<>();
        for (MachineEntry e : MachineList.parse(m.manage().call("list", "runningvms").stdout())) {
            if (e.accessible()) {
                now.put(e.uuid(), e.name());
            }
        }
        Map<UUID, String> before;
        synchronized (this) {
            before = online;
            online = new HashMap<>(now);
        }
        if (before == null) {
            return;
        }
        if (!before.keySet().equals(now.keySet())) {
            m.cache().clear();
        }
        for (Map.Entry<UUID, String> e : now.entrySet()) {
            if (!before.containsKey(e.getKey())) {
                DomainRef ref = new DomainRef(e.getValue(), DomainRef.uuidBytes(e.getKey()), m.idOf(e.getKey()));
                events.domainEvent(new LifecycleEvent(ref, DomainStates.EVENT_STARTED, DomainStates.STARTED_BOOTED));
            }
        }
        for (Map.Entry<UUID, String> e : before.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                DomainRef ref = new DomainRef(e.getValue(), DomainRef.uuidBytes(e.getKey()), -1);
                events.domainEvent(new LifecycleEvent(ref, DomainStates.EVENT_STOPPED, stoppedDetail(m, ref)));
            }
        }
    }

    private static int stoppedDetail(Machines m, DomainRef ref) {
        try {
            MachineInfo info = m.info(ref);
            return info.state() == MachineState.ABORTED ? DomainStates.STOPPED_CRASHED
                    : info.state() == MachineState.SAVED ? STOPPED_SAVED : DomainStates.STOPPED_SHUTDOWN;
        } catch (VirtException gone) {
            return DomainStates.STOPPED_SHUTDOWN;
        }
    }

    /** For tests: the machines this watch believes online. */
    synchronized List<UUID> known() {
        return online == null ? List.of() : List.copyOf(online.keySet());
    }
}
