package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.agent.AgentClient;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.process.DomainLog;
import org.virtd.qemu.process.QemuProcess;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One run of a domain's QEMU (libvirt's qemuDomainObjPrivate for the time the domain is
 * active): the process and monitor, the per-domain dir and log, the live definition and the
 * flags the event rules depend on (shutdown seen, fake reboot asked, being destroyed). A new
 * instance per start, so events of an old run that arrive late are recognised and dropped.
 * Flags are changed only by the holder of the domain's lock.
 */
public final class RunningDomain {
    private final DomainObject domain;
    private final int id;
    private final Path domainDir;
    private final DomainLog log;
    private final List<Runnable> stopHooks = new CopyOnWriteArrayList<>();
    private volatile QemuProcess process;
    private volatile DomainDef live;
    private final DomainDef startDef;
    /** Detach calls of this run waiting for the guest to let a device go. */
    final DeviceDeletions deletions = new DeviceDeletions();
    /** The highest block node index this run has handed out (0: only those of its start). */
    int lastNode;

    /**
     * A number for a new block node: above {@code highestInUse} and above every number this run
     * handed out, removed nodes' included (libvirt's node name counter).
     */
    public synchronized int nextNode(int highestInUse) {
        lastNode = Math.max(lastNode, highestInUse) + 1;
        return lastNode;
    }
    volatile boolean starting = true;
    volatile boolean shutdownSeen;
    volatile boolean fakeReboot;
    volatile boolean rebooting;
    volatile boolean destroying;
    volatile boolean tainted;
    volatile boolean agentTainted;
    volatile boolean stopped;
    private volatile AgentClient agent;
    private volatile boolean agentError;
    private volatile int agentTimeout = AgentClient.DEFAULT;
    /** STOP/RESUME events QEMU owes for a stop/cont issued while the lock stays held (save, dump). */
    final java.util.concurrent.atomic.AtomicInteger ownStops = new java.util.concurrent.atomic.AtomicInteger();
    final java.util.concurrent.atomic.AtomicInteger ownResumes = new java.util.concurrent.atomic.AtomicInteger();

    private final java.util.Map<Class<?>, Object> attachments = new java.util.concurrent.ConcurrentHashMap<>();
    /** The status file as the previous daemon left it (a run re-attached at start), else null. */
    volatile String recoveredStatus;

    /** The status XML a previous daemon wrote of this run; null for a run this daemon started. */
    public String recoveredStatus() {
        return recoveredStatus;
    }

    /** What another mechanism keeps for this run (its block jobs, say), made on first use. */
    public <T> T attachment(Class<T> kind, java.util.function.Supplier<T> create) {
        return kind.cast(attachments.computeIfAbsent(kind, k -> create.get()));
    }

    RunningDomain(DomainObject domain, int id, Path domainDir, DomainLog log, DomainDef live) {
        this(domain, id, domainDir, log, live, live);
    }

    /** A run found alive after a restart: {@code startDef} is its status XML without driver aliases. */
    RunningDomain(DomainObject domain, int id, Path domainDir, DomainLog log, DomainDef live, DomainDef startDef) {
        this.domain = domain;
        this.id = id;
        this.domainDir = domainDir;
        this.log = log;
        this.live = live;
        this.startDef = startDef;
    }

    /** The definition this run was started from, before QEMU's answers made it live (no aliases, no ptys). */
    public DomainDef startDef() {
        return startDef;
    }

    public DomainObject domain() {
        return domain;
    }

    public int id() {
        return id;
    }

    public Path domainDir() {
        return domainDir;
    }

    public DomainLog log() {
        return log;
    }

    public QemuProcess process() {
        return process;
    }

    void attach(QemuProcess p) {
        this.process = p;
    }

    public DomainDef live() {
        return live;
    }

    void live(DomainDef def) {
        this.live = def;
    }

    /** The pty behind a console/serial device name ({@code console0}, {@code serial0}; null = first console). */
    public String pty(String devName) {
        return LiveDefinition.ptyOf(live, devName);
    }

    /** The connected guest agent, or null while its channel is closed (or there is none). */
    public AgentClient agent() {
        return agent;
    }

    /** True when connecting to an open agent channel failed: the agent is unusable this run. */
    public boolean agentError() {
        return agentError;
    }

    void agent(AgentClient client, boolean error) {
        AgentClient old = this.agent;
        this.agent = client;
        this.agentError = error;
        if (client != null) {
            client.responseTimeout(agentTimeout);
        }
        if (old != null && old != client) {
            old.close();
        }
    }

    /** virDomainAgentSetResponseTimeout: kept for the whole run, across agent reconnects. */
    public void agentTimeout(int seconds) {
        this.agentTimeout = seconds;
        AgentClient c = agent;
        if (c != null) {
            c.responseTimeout(seconds);
        }
    }

    /** True once this run has ended; its QEMU is gone or being given up. */
    public boolean isStopped() {
        return stopped;
    }

    /** Runs {@code hook} when this run stops (console sessions end with it); at once if already stopped. */
    public void onStop(Runnable hook) {
        stopHooks.add(hook);
        if (stopped && stopHooks.remove(hook)) {
            hook.run();
        }
    }

    public void removeStopHook(Runnable hook) {
        stopHooks.remove(hook);
    }

    void runStopHooks() {
        for (Runnable r : stopHooks) {
            if (stopHooks.remove(r)) {
                try {
                    r.run();
                } catch (RuntimeException ignored) {
                    // a hook's failure must not keep the domain from stopping
                }
            }
        }
    }
}
