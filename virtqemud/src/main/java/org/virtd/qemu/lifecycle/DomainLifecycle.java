package org.virtd.qemu.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.domain.DomainXmlFormatter;
import org.virtd.conf.state.DomainStates;
import org.virtd.core.driver.DriverContext;
import org.virtd.core.driver.EventSink;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.domain.DomainRegistry;
import org.virtd.qemu.firmware.NvramFiles;
import org.virtd.qemu.hostnet.HostNics;
import org.virtd.qemu.process.DomainLog;
import org.virtd.qemu.process.DomainStatus;
import org.virtd.qemu.process.DomainStatusFile;
import org.virtd.qemu.process.QemuCommandLine;
import org.virtd.qemu.process.QemuLaunchSpec;
import org.virtd.qemu.process.QemuLauncher;
import org.virtd.qemu.process.QemuProcess;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.security.Confinement;
import org.virtd.qemu.security.Confiner;
import org.virtd.qemu.security.MasterKey;
import org.virtd.qemu.security.QemuAccount;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.LifecycleEvent;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;

/**
 * Starts and stops domains (libvirt's qemuProcessStart/qemuProcessStop): a start launches QEMU
 * paused, applies what must precede the first instruction ({@code set-action} for
 * on_reboot=destroy, the balloon target), marks the domain active with a fresh id, resumes it,
 * raises RESUMED then STARTED (libvirt's order) and writes the status file; a stop notes the
 * reason in the log, ends console sessions, removes status file and domain dir, marks the
 * domain shut off, raises STOPPED and lets a transient domain go. Callers hold the domain's lock.
 */
public final class DomainLifecycle {
    private static final Logger LOG = LoggerFactory.getLogger(DomainLifecycle.class);

    private final DomainRegistry registry;
    private final EventSink events;
    private final MonitorCallbacks monitorCallbacks;
    private final DriverContext.Inhibitor inhibitor;
    private final QemuLauncher launcher;
    private final LaunchSpecMapping mapping;
    private final LifecycleDirs dirs;
    private final DomainStatusFile statusFiles;
    private volatile HostCpuModels hostCpuModels = HostCpuModels.NONE;
    private volatile NvramFiles firmware;
    private volatile CgroupRuns cgroups = new CgroupRuns(null);
    private volatile CoreDumps crashDumps;
    private final IdFile idFile;
    private final HostNics hostNics = HostNics.onThisHost();
    private volatile Confiner confiner;
    private final ConcurrentHashMap<UUID, RunningDomain> running = new ConcurrentHashMap<>();
    private final ExecutorService background = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "qemu-lifecycle");
        t.setDaemon(true);
        return t;
    });

    private final java.util.List<RunEventHook> eventHooks = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.List<java.util.function.Function<RunningDomain, String>> statusSections =
            new java.util.concurrent.CopyOnWriteArrayList<>();

    public DomainLifecycle(DomainRegistry registry, EventSink events, MonitorCallbacks monitorCallbacks,
            DriverContext.Inhibitor inhibitor,
            QemuLauncher launcher, LaunchSpecMapping mapping, LifecycleDirs dirs) {
        this.registry = registry;
        this.events = events;
        this.monitorCallbacks = monitorCallbacks;
        this.inhibitor = inhibitor;
        this.launcher = launcher;
        this.mapping = mapping;
        this.dirs = dirs;
        this.statusFiles = new DomainStatusFile(dirs.run());
        this.idFile = new IdFile(dirs.idFile());
        registry.observeId(idFile.read() - 1);
    }

    /** Lets {@code hook} follow the QMP events of every run from now on. */
    public void addEventHook(RunEventHook hook) {
        eventHooks.add(hook);
    }

    java.util.List<RunEventHook> eventHooks() {
        return eventHooks;
    }

    public DomainRegistry registry() {
        return registry;
    }

    public EventSink events() {
        return events;
    }

    MonitorCallbacks monitorCallbacks() {
        return monitorCallbacks;
    }

    LifecycleDirs dirs() {
        return dirs;
    }

    DomainStatusFile statusFiles() {
        return statusFiles;
    }

    QemuLauncher launcher() {
        return launcher;
    }

    /** Where on_crash='coredump-*' dumps are written from. */
    void crashDumps(CoreDumps dumps) {
        this.crashDumps = dumps;
    }

    CoreDumps crashDumps() {
        return crashDumps;
    }

    LaunchSpecMapping mapping() {
        return mapping;
    }

    NvramFiles firmware() {
        return firmware;
    }

    IdFile idFile() {
        return idFile;
    }

    HostNics hostNics() {
        return hostNics;
    }

    /** How guests' QEMUs are confined (none set: as the daemon, unconfined, for tools and tests). */
    public void confiner(Confiner c) {
        this.confiner = c;
    }

    /** How the current run of {@code dom} is confined; null while it is inactive. */
    public Confinement confinement(DomainObject dom) {
        RunningDomain rd = running(dom);
        return rd == null ? null : rd.attachment(Confinement.class, this::adoptedConfinement);
    }

    private Confinement adoptedConfinement() {
        Confiner c = confiner;
        return c == null ? new Confinement("none", QemuAccount.ROOT, false, List.of(), List.of()) : c.adopted();
    }

    /** Where a start finds the host-model CPU a check='partial' guest CPU is compared with. */
    public void hostCpuModels(HostCpuModels models) {
        this.hostCpuModels = models;
    }

    /** Gives guests started from now on a cgroup of their own. */
    public void cgroups(CgroupRuns runs) {
        this.cgroups = runs;
    }

    public CgroupRuns cgroups() {
        return cgroups;
    }

    /** Where a start finds firmware for UEFI guests and their variable stores (none: left as written). */
    public void firmware(NvramFiles files) {
        this.firmware = files;
    }

    /** The current run of {@code dom}, or null while it is inactive. */
    public RunningDomain running(DomainObject dom) {
        return running.get(dom.uuid());
    }

    /** The CPU time of the current run of {@code dom}; 0 while it is inactive. */
    public long cpuTimeNanos(DomainObject dom) {
        RunningDomain rd = running(dom);
        return rd == null ? 0L : rd.process().cpuTimeNanos();
    }

    public Collection<RunningDomain> allRunning() {
        return running.values();
    }

    void runInBackground(Runnable task) {
        background.execute(task);
    }

    /**
     * Starts {@code dom} from {@code def} (its persistent definition, or the XML of a create).
     * The caller holds the domain's lock.
     */
    public void start(DomainObject dom, DomainDef def, boolean paused) throws VirtException {
        start(dom, def, paused, null);
    }

    /**
     * Starts {@code dom}; with {@code incoming} QEMU loads a saved state instead of booting and
     * the events say restored (libvirt's qemuSaveImageStartVM): STARTED/RESTORED, then
     * RESUMED/FROM_SNAPSHOT when it runs, SUSPENDED/RESTORED when it stays paused.
     */
    void start(DomainObject dom, DomainDef def, boolean paused, Incoming incoming) throws VirtException {
        start(dom, def, paused, incoming, null);
    }

    /**
     * Starts {@code dom}; with {@code snapshot} as a snapshot revert does (libvirt's start with
     * {@code -loadvm}): the named internal state is loaded before the first instruction, or the
     * guest boots for a snapshot without memory, and the events say FROM_SNAPSHOT.
     */
    void start(DomainObject dom, DomainDef def, boolean paused, Incoming incoming, SnapshotStart snapshot)
            throws VirtException {
        if (dom.isActive()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "domain is already running");
        }
        try {
            GuestCpuCheck.beforeLaunch(def, hostCpuModels);
            NumaMemory.beforeLaunch(def);
        } catch (VirtException e) {
            dom.setState(DomainStates.SHUTOFF, DomainStates.SHUTOFF_FAILED);
            throw e;
        }
        int id = registry.allocateId();
        idFile.record(id + 1);
        Path dir = dirs.domainDir(id, def.name());
        NvramFiles fw = firmware;
        if (fw != null) {
            try {
                def = fw.selection().fill(def);
                fw.prepare(def);
            } catch (VirtException e) {
                dom.setState(DomainStates.SHUTOFF, DomainStates.SHUTOFF_FAILED);
                throw e;
            }
        }
        def = ChannelSockets.assign(def, dirs.lib().resolve("channel/target").resolve(dir.getFileName()));
        try {
            def = hostNics.connect(def);
        } catch (VirtException | RuntimeException e) {
            // libvirt is past its start's point of no return here: a NIC the host cannot give is a failed start
            dom.setState(DomainStates.SHUTOFF, DomainStates.SHUTOFF_FAILED);
            throw e;
        }
        QemuLaunchSpec spec;
        try {
            spec = mapping.map(def, dir.resolve("monitor.sock"));
            // libvirt looks at the images once the start is under way: a failure there is a failed start
            try {
                def = DiskChains.resolve(def);
            } catch (VirtException | RuntimeException e) {
                dom.setState(DomainStates.SHUTOFF, DomainStates.SHUTOFF_FAILED);
                throw e;
            }
            spec = mapping.map(def, dir.resolve("monitor.sock"));
        } catch (VirtException | RuntimeException e) {
            hostNics.release(def);
            throw e;
        }
        DomainLog log = new DomainLog(dirs.logFile(def.name()));
        RunningDomain rd = new RunningDomain(dom, id, dir, log, def);
        Confinement confinement;
        try {
            confinement = confine(def, dir);
            MasterKey.write(QemuCommandLine.masterKey(spec),
                    confinement.account());
        } catch (VirtException | RuntimeException e) {
            hostNics.release(def);
            dom.setState(DomainStates.SHUTOFF, DomainStates.SHUTOFF_FAILED);
            deleteTree(dir);
            throw e;
        }
        rd.attachment(Confinement.class, () -> confinement);
        QemuProcess p;
        try {
            List<String> join = cgroups.create(rd, def);
            p = launcher.launch(spec, dir, log, true, new MonitorEvents(this, rd), incoming != null,
                    confinement.wrapper(join));
        } catch (VirtException | RuntimeException e) {
            cgroups.release(rd, null);
            releaseFiles(def);
            hostNics.release(def);
            dom.setState(DomainStates.SHUTOFF, DomainStates.SHUTOFF_FAILED);
            deleteTree(dir);
            throw e;
        }
        rd.attach(p);
        if (confinement.highPrivileges()) {
            note(rd, "Domain id=" + id + " is tainted: high-privileges");
        }
        try {
            cgroups.placeLaunched(rd, def, p.pid());
            if (incoming != null) {
                try (StreamPipe pipe = StreamPipe.from(incoming.pipeline())) {
                    pipe.handTo(p.monitor());
                    p.monitor().execute("migrate-incoming", JsonObject.of("uri", StreamPipe.URI));
                    MigrationWait.migration(p.monitor(), incoming.limit(), "restore");
                }
            }
            prepare(rd, def, spec, incoming == null);
            DomainDef live = LiveDefinition.of(GuestCpuCheck.update(def, p.monitor()), p.ptys(), spec.displays());
            if (spec.balloon()) {
                live = DomainResources.withBalloonActual(live, p.monitor());
            }
            BlockThrottle.applyAtStart(p.monitor(), live);
            rd.live(live);
            dom.setActive(id, live);
            registry.indexId(dom, -1);
            running.put(dom.uuid(), rd);
            inhibitor.acquire();
            var agentEvent = AgentChannels.startEvent(rd);
            if (agentEvent != null) {
                events.domainEvent(agentEvent);
            }
            if (snapshot != null) {
                snapshot.begin(this, rd, p.monitor());
            } else if (incoming != null) {
                emit(dom, DomainStates.EVENT_STARTED, DomainStates.STARTED_RESTORED);
                if (incoming.run() && !paused) {
                    p.monitor().execute("cont", null);
                    dom.setState(DomainStates.RUNNING, DomainStates.RUNNING_RESTORED);
                    emit(dom, DomainStates.EVENT_RESUMED, DomainStates.RESUMED_FROM_SNAPSHOT);
                } else {
                    dom.setState(DomainStates.PAUSED, DomainStates.PAUSED_MIGRATION);
                    emit(dom, DomainStates.EVENT_SUSPENDED,
                            paused ? DomainStates.SUSPENDED_PAUSED : DomainStates.SUSPENDED_RESTORED);
                }
            } else if (paused) {
                dom.setState(DomainStates.PAUSED, DomainStates.PAUSED_USER);
                emit(dom, DomainStates.EVENT_STARTED, DomainStates.STARTED_BOOTED);
                emit(dom, DomainStates.EVENT_SUSPENDED, DomainStates.SUSPENDED_PAUSED);
            } else {
                p.monitor().execute("cont", null);
                dom.setState(DomainStates.RUNNING, DomainStates.RUNNING_BOOTED);
                emit(dom, DomainStates.EVENT_RESUMED, DomainStates.RESUMED_UNPAUSED);
                emit(dom, DomainStates.EVENT_STARTED, DomainStates.STARTED_BOOTED);
            }
            rd.starting = false;
            writeStatus(rd);
        } catch (VirtException | RuntimeException e) {
            LOG.warn("start of '{}' failed after launch: {}", def.name(), e.toString());
            rd.destroying = true;
            p.terminate(java.time.Duration.ofSeconds(3), true);
            if (running.get(dom.uuid()) == rd) {
                stop(rd, DomainStates.SHUTOFF_FAILED, -1);
            } else {
                p.monitor().close();
                releaseNics(p, def);
                cgroups.release(rd, p);
                dom.setState(DomainStates.SHUTOFF, DomainStates.SHUTOFF_FAILED);
                deleteTree(dir);
            }
            throw e;
        }
    }

    /** The guest's files and private directories given to QEMU's account, and the launch wrapper. */
    private Confinement confine(DomainDef def, Path dir) throws VirtException {
        Confiner c = confiner;
        if (c == null) {
            return adoptedConfinement();
        }
        List<Path> dirsOfRun = new ArrayList<>(List.of(dir));
        Path channels = dirs.lib().resolve("channel/target").resolve(dir.getFileName());
        if (Files.isDirectory(channels)) {
            dirsOfRun.add(channels);
        }
        return c.confine(def, dir, dirsOfRun);
    }

    /**
     * An image QEMU opens while guest {@code def} runs (a hot-plugged disk, a snapshot overlay, a
     * copy or backup target) given to the account of the guest's files first (its static DAC
     * label's, else QEMU's), its owner remembered unless read-only.
     */
    public void labelDisk(DomainDef def, Path image, boolean readOnly) throws VirtException {
        Confiner c = confiner;
        if (c != null) {
            c.labelDisk(def, image, readOnly);
        }
    }

    /**
     * An image guest {@code def}'s QEMU no longer uses (unplugged, a finished backup's target, a
     * merged layer) given back; nothing when its label says relabel='no', as nothing was taken.
     */
    public void releaseDisk(DomainDef def, Path image, boolean readOnly) {
        Confiner c = confiner;
        if (c != null) {
            c.releaseDisk(def, image, readOnly);
        }
    }

    private void releaseFiles(DomainDef def) {
        Confiner c = confiner;
        if (c != null && def != null) {
            c.release(def);
        }
    }

    /** What precedes the first instruction; a restored guest's balloon target came with its state. */
    private static void prepare(RunningDomain rd, DomainDef def, QemuLaunchSpec spec, boolean boot)
            throws VirtException {
        var monitor = rd.process().monitor();
        if (def.lifecycle() != null && "destroy".equals(def.lifecycle().onReboot())) {
            monitor.execute("set-action", JsonObject.of("reboot", "shutdown"));
        }
        long current = def.currentMemoryKiB() == 0 ? def.memoryKiB() : def.currentMemoryKiB();
        if (boot && spec.balloon() && current < def.memoryKiB()) {
            monitor.execute("balloon", JsonObject.of("value", current * 1024));
        }
        ThreadGroups.atStart(rd, def.cputune());
        DomainPinning.applyAtStart(rd, def.cputune());
        setLinksDown(monitor, def);
        var balloon = def.devices() == null ? null : def.devices().memballoon();
        if (spec.balloon() && balloon != null && balloon.period() > 0) {
            DomainResources.setPollingInterval(monitor, balloon.period());
        }
    }

    /** {@code <link state='down'>}: QEMU starts every NIC up; libvirt cuts the link before the guest runs. */
    private static void setLinksDown(org.virtd.qemu.qmp.QmpClient monitor, DomainDef def) throws VirtException {
        var nics = def.devices() == null ? java.util.List.<org.virtd.conf.domain.Devices.InterfaceDef>of()
                : def.devices().interfaces();
        for (int i = 0; i < nics.size(); i++) {
            var n = nics.get(i);
            if ("down".equals(n.linkState())) {
                monitor.execute("set_link", JsonObject.of("name", n.alias() != null ? n.alias() : "net" + i,
                        "up", false));
            }
        }
    }

    /**
     * The guest's taps go once QEMU has let go of them: at once when it is gone, else when it
     * exits (the kernel keeps a tap that a process still holds).
     */
    private void releaseNics(QemuProcess p, DomainDef def) {
        if (p == null || !p.isAlive()) {
            hostNics.release(def);
        } else {
            p.onExit().thenRun(() -> hostNics.release(def));
        }
    }

    /**
     * Replaces the running definition of {@code dom} after a live change made through the API
     * (metadata, say) and records it in the status file. The caller holds the domain's lock.
     */
    public void replaceLive(DomainObject dom, DomainDef live) throws VirtException {
        RunningDomain rd = running(dom);
        if (rd == null || rd.stopped || !dom.isActive()) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.DOMAIN, "domain is not running");
        }
        rd.live(live);
        dom.setActive(rd.id(), live);
        writeStatus(rd);
    }

    /**
     * Ends {@code rd}: the domain becomes shut off with {@code reason}; {@code stoppedDetail} is
     * the STOPPED event's detail, or -1 for none (re-attach found it dead, failed start).
     * The caller holds the domain's lock; a second call for the same run does nothing.
     */
    void stop(RunningDomain rd, int reason, int stoppedDetail) {
        if (rd.stopped) {
            return;
        }
        rd.stopped = true;
        DomainObject dom = rd.domain();
        running.remove(dom.uuid(), rd);
        rd.agent(null, false);
        note(rd, "shutting down, reason=" + DomainStates.reasonName(DomainStates.SHUTOFF, reason));
        QemuProcess p = rd.process();
        if (p != null) {
            p.monitor().close();
        }
        rd.runStopHooks();
        releaseNics(p, rd.live());
        releaseFiles(rd.live());
        cgroups.release(rd, p);
        try {
            statusFiles.delete(dom.name());
        } catch (IOException e) {
            LOG.warn("cannot remove the status file of '{}': {}", dom.name(), e.getMessage());
        }
        deleteTree(rd.domainDir());
        int oldId = dom.id();
        if (dom.isActive()) {
            dom.setActive(-1, null);
            registry.indexId(dom, oldId);
            inhibitor.release();
        }
        dom.setState(DomainStates.SHUTOFF, reason);
        if (stoppedDetail >= 0) {
            emit(dom, DomainStates.EVENT_STOPPED, stoppedDetail);
        }
        registry.removeIfTransient(dom);
    }

    void emit(DomainObject dom, int event, int detail) {
        events.domainEvent(new LifecycleEvent(dom.ref(), event, detail));
    }

    /** Notes once per run that a raw agent command was used (libvirt's custom-ga-command taint). */
    public void taintAgentCommand(RunningDomain rd) {
        if (!rd.agentTainted) {
            rd.agentTainted = true;
            note(rd, "Domain id=" + rd.id() + " is tainted: custom-ga-command");
        }
    }

    void note(RunningDomain rd, String text) {
        try {
            rd.log().note(text);
        } catch (IOException e) {
            LOG.debug("cannot write to {}: {}", rd.log().file(), e.getMessage());
        }
    }

    /**
     * Adds what another mechanism keeps in every status file of a run (libvirt's private data,
     * its block jobs say): {@code section} gives XML lines indented for {@code <domstatus>}, or "".
     */
    public void addStatusSection(java.util.function.Function<RunningDomain, String> section) {
        statusSections.add(section);
    }

    /** For other packages whose state of {@code rd} is in the status file: it changed. */
    public void statusChanged(RunningDomain rd) {
        writeStatus(rd);
    }

    /** Rewrites the status file from the domain's current state (atomic replace). */
    void writeStatus(RunningDomain rd) {
        DomainObject dom = rd.domain();
        QemuProcess p = rd.process();
        if (p == null || rd.stopped) {
            return;
        }
        String xml = DomainXmlFormatter.format(rd.live(), new DomainXmlFormatter.Options(rd.id(), true));
        DomainStatus s = new DomainStatus(dom.name(), rd.id(), p.pid(), emulatorOf(rd.live()), p.monitorPath(),
                DomainStates.stateName(dom.state()), DomainStates.reasonName(dom.state(), dom.reason()), xml);
        // libvirt's node name counter: a restarted daemon must not hand out a number again
        StringBuilder sections = new StringBuilder("  <nodename index='").append(rd.lastNode).append("'/>\n");
        for (var section : statusSections) {
            sections.append(section.apply(rd));
        }
        try {
            statusFiles.write(s, sections.toString());
        } catch (IOException e) {
            LOG.warn("cannot write the status file of '{}': {}", dom.name(), e.getMessage());
        }
    }

    static Path emulatorOf(DomainDef def) {
        String e = def.devices() != null ? def.devices().emulator() : null;
        return Path.of(e != null ? e : "/usr/bin/qemu-system-x86_64");
    }

    /** Called by re-attach: publishes a run found alive. The caller holds the domain's lock. */
    void adopt(RunningDomain rd) {
        running.put(rd.domain().uuid(), rd);
        inhibitor.acquire();
    }

    /** Daemon shutdown: drop monitor connections and console sessions; the guests keep running. */
    public void detachAll() {
        for (RunningDomain rd : running.values()) {
            rd.runStopHooks();
            rd.agent(null, false);
            QemuProcess p = rd.process();
            if (p != null) {
                p.monitor().close();
            }
        }
        background.shutdownNow();
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException ignored) {
            // best effort
        }
    }
}
