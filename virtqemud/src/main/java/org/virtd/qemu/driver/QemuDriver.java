package org.virtd.qemu.driver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.secondary.SecondaryDriverHandlers;
import org.virtd.core.config.ConfigException;
import org.virtd.core.driver.Driver;
import org.virtd.core.driver.LocalUris;
import org.virtd.core.driver.DriverConnection;
import org.virtd.core.driver.DriverContext;
import org.virtd.core.driver.HandlerTable;
import org.virtd.core.driver.OpenRequest;
import org.virtd.qemu.caps.HostCapabilities;
import org.virtd.qemu.caps.KvmSupport;
import org.virtd.qemu.caps.QemuProbe;
import org.virtd.qemu.config.QemuConfSource;
import org.virtd.qemu.console.Channels;
import org.virtd.qemu.console.Consoles;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.domain.QemuXmlConf;
import org.virtd.qemu.lifecycle.DomainProcesses;
import org.virtd.qemu.lifecycle.MonitorCallbacks;
import org.virtd.qemu.snapshot.DomainSnapshots;
import org.virtd.qemu.snapshot.SnapshotStore;
import org.virtd.qemu.domain.ConfigSync;
import org.virtd.qemu.domain.DomainRegistry;
import org.virtd.qemu.domain.DomainStore;
import org.virtd.qemu.domain.GuestEmulators;
import org.virtd.qemu.domain.QemuDomainDefaults;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The QEMU driver as virtqemud hosts it: serves {@code qemu:///system} (or {@code /session}),
 * answers host-level calls, and binds the domain handlers grouped by concept. The emulator probe
 * runs in the background from start-up so the first call is answered at once; calls that need
 * its results wait for it.
 */
public final class QemuDriver implements Driver {
    /** qemu:///system for root, qemu:///session otherwise; root also takes /session, as libvirt does. */
    private static final LocalUris URIS = new LocalUris("qemu", ErrorDomain.NONE, true);
    private static final Logger LOG = LoggerFactory.getLogger(QemuDriver.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PROBE_DELAY = Duration.ofSeconds(1);
    /** How long a define may wait for the group commit that makes it power-loss safe. */
    private static final Duration CONFIG_SYNC_WINDOW = Duration.ofMillis(20);

    /** CONNECT_SUPPORTS_FEATURE numbers the qemu driver answers 1 to (procedures.md §2). */
    private static final Set<Integer> FEATURES = Set.of(3, 4, 6, 7, 9, 11, 12, 13, 16);

    private volatile DriverContext context;
    private volatile CompletableFuture<HostCapabilities> capabilities;
    private volatile DomainRegistry domains;
    private volatile LiveTuning liveTuning = LiveTuning.UNSUPPORTED;
    private volatile org.virtd.qemu.blockjob.BlockJobManager blockJobs;
    private volatile DomainProcesses processes;
    private final MonitorCallbacks monitorCallbacks = new MonitorCallbacks();
    private volatile Consoles consoles;
    private volatile Channels channels;
    private volatile DomainSnapshots snapshots;
    private volatile org.virtd.qemu.checkpoint.DomainCheckpoints checkpoints;
    private volatile org.virtd.qemu.blockjob.DomainBackups backups;
    private volatile QemuConfSource conf;
    private QemuProbe probe;
    // made here, not in bind: start() reads the host-model CPUs from them, and the handlers may
    // be bound on another thread while the driver starts
    private final HostCpuHandlers hostCpu = new HostCpuHandlers(this::capabilities, path -> probe().capabilities(path));
    private final CpuCompareHandlers cpuCompare = new CpuCompareHandlers(hostCpu::cpuMap,
            (emulator, arch, machine, type) -> {
                var s = hostCpu.select(emulator, arch, machine, type);
                return java.util.Map.entry(s.emulator(), s.accel());
            });

    @Override
    public String name() {
        return "QEMU";
    }

    @Override
    public boolean accepts(String uri) {
        return URIS.accepts(uri);
    }

    @Override
    public DriverConnection open(OpenRequest request) throws VirtException {
        return new QemuConnection(URIS.canonical(request.uri(), privileged()), request.readOnly());
    }

    @Override
    public boolean supportsFeature(int feature) {
        return FEATURES.contains(feature);
    }

    @Override
    public void bind(HandlerTable table) {
        new HostHandlers(this).bind(table);
        new NodeStatsHandlers().bind(table);
        hostCpu.bind(table);
        cpuCompare.bind(table);
        DomainLookup lookup = new DomainLookup(this::domains);
        new DomainConfigHandlers(lookup, () -> GuestEmulators.from(capabilities()), UuidRandom.INSTANCE)
                .withHostDefaults(def -> processes.nvram().selection().withDefaultNvram(def))
                .withUndefineGuard((dom, flags) -> {
                    snapshots().beforeUndefine(dom,
                            (flags & org.virtd.rpc.remote.DomainFlags.Undefine.SNAPSHOTS_METADATA) != 0);
                    checkpoints().beforeUndefine(dom,
                            (flags & org.virtd.rpc.remote.DomainFlags.Undefine.CHECKPOINTS_METADATA) != 0);
                    processes.saves().beforeUndefine(dom,
                            (flags & org.virtd.rpc.remote.DomainFlags.Undefine.MANAGED_SAVE) != 0);
                    processes.nvram().beforeUndefine(dom.def(),
                            (flags & org.virtd.rpc.remote.DomainFlags.Undefine.NVRAM) != 0,
                            (flags & org.virtd.rpc.remote.DomainFlags.Undefine.KEEP_NVRAM) != 0);
                })
                .bind(table);
        new DomainInfoHandlers(lookup, this::privileged, security(), this::cpuTimeNanos,
                () -> liveTuning).bind(table);
        new DomainTuningHandlers(lookup, () -> liveTuning).bind(table);
        SecondaryDriverHandlers.bindAll(table);
        new DomainLifecycleHandlers(lookup, () -> processes, () -> GuestEmulators.from(capabilities())).bind(table);
        new NativeConfigHandlers(() -> processes, () -> GuestEmulators.from(capabilities())).bind(table);
        new ConsoleHandlers(lookup, () -> consoles, () -> channels).bind(table);
        new QemuMonitorHandlers(lookup, () -> processes, monitorCallbacks).bind(table);
        new DomainStatsHandlers(lookup, () -> processes).bind(table);
        new LiveResourceHandlers(lookup, () -> processes).bind(table);
        new BlockIoTuneHandlers(lookup, () -> processes).bind(table);
        new InterfaceTuneHandlers(lookup, () -> processes).bind(table);
        new DomainPinHandlers(lookup, () -> processes).bind(table);
        new DomainJobHandlers(lookup, () -> processes, () -> backups).bind(table);
        new AllDomainStatsHandlers(lookup, () -> processes).bind(table);
        new GuestAgentHandlers(lookup, () -> processes).bind(table);
        LiveCgroups cgroups = new LiveCgroups(() -> processes, this::privileged);
        new NumaTuneHandlers(lookup, cgroups).bind(table);
        new MemoryTuneHandlers(lookup, cgroups).bind(table);
        new BlkioTuneHandlers(lookup, cgroups).bind(table);
        new SchedulerHandlers(lookup, cgroups).bind(table);
        new DomainMetadataHandlers(lookup, (dom, live) -> processes.lifecycle().replaceLive(dom, live)).bind(table);
        new MigrationParamHandlers(lookup, () -> processes).bind(table);
        new GuestInputHandlers(lookup, () -> processes).bind(table);
        new DeviceChangeHandlers(lookup, () -> processes, () -> GuestEmulators.from(capabilities())).bind(table);
        new SaveRestoreHandlers(lookup, () -> processes, () -> GuestEmulators.from(capabilities())).bind(table);
        new SnapshotHandlers(lookup, () -> snapshots).bind(table);
        new BlockJobHandlers(lookup, () -> processes, () -> blockJobs).bind(table);
        new CheckpointHandlers(lookup, () -> checkpoints).bind(table);
        new BackupHandlers(lookup, () -> backups).bind(table);
    }

    /** The security model of qemu.conf in force and the confinement of each running guest. */
    private DomainInfoHandlers.Security security() {
        return new DomainInfoHandlers.Security() {
            @Override
            public String model() {
                return securityPolicy().model();
            }

            @Override
            public java.util.List<String> models() {
                return securityPolicy().models();
            }

            @Override
            public org.virtd.qemu.security.Confinement of(org.virtd.qemu.domain.DomainObject dom) {
                DomainProcesses p = processes;
                return p == null ? null : p.lifecycle().confinement(dom);
            }
        };
    }

    /** qemu.conf's confinement as it applies to this daemon (defaults before start). */
    org.virtd.qemu.security.SecurityPolicy securityPolicy() {
        QemuConfSource c = conf;
        DriverContext ctx = context;
        return org.virtd.qemu.security.SecurityPolicy.of(
                c == null ? org.virtd.qemu.config.QemuConf.defaults("qemu.conf", java.nio.file.Path.of("/var/lib/libvirt"))
                        : c.get(), ctx != null && ctx.privileged());
    }

    @Override
    public void start(DriverContext ctx) throws ConfigException {
        this.context = ctx;
        this.conf = QemuConfSource.open(ctx.configDir().resolve("qemu.conf"), ctx.stateDir());
        // The probe (or its cache read) starts a moment later unless a call or a stored domain needs
        // it sooner: a socket-activated daemon's first replies should not share the CPU with it.
        // (a thread of its own that ends, not CompletableFuture.delayedExecutor, whose timer
        // thread would stay for the daemon's life)
        Thread later = new Thread(() -> {
            try {
                Thread.sleep(PROBE_DELAY.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            probeInBackground();
        }, "qemu-probe-later");
        later.setDaemon(true);
        later.start();
        this.domains = loadDomains(ctx.configDir().resolve("qemu"));
        this.processes = DomainProcesses.open(ctx, domains, KvmSupport.detect().fast(), monitorCallbacks, conf,
                xml -> new QemuDomainDefaults(GuestEmulators.from(capabilities()), UuidRandom.INSTANCE)
                        .apply(QemuXmlConf.PARSER.parse(xml, false)));
        this.blockJobs = new org.virtd.qemu.blockjob.BlockJobManager(processes.lifecycle());
        processes.lifecycle().addEventHook(blockJobs);
        this.consoles = new Consoles(processes.lifecycle());
        this.channels = new Channels(processes.lifecycle());
        DomainSnapshots snaps = new DomainSnapshots(domains, processes.snapshots(), blockJobs,
                new SnapshotStore(ctx.stateDir().resolve("qemu/snapshot")),
                xml -> new QemuDomainDefaults(GuestEmulators.from(capabilities()), UuidRandom.INSTANCE)
                        .apply(QemuXmlConf.PARSER.parse(xml, false)),
                ctx.privileged() ? new org.virtd.conf.domain.DomainXmlFormatter.Runtime("/machine", null) : null,
                () -> System.currentTimeMillis() / 1000);
        snaps.loadAll();
        this.snapshots = snaps;
        org.virtd.qemu.checkpoint.DomainCheckpoints cps = new org.virtd.qemu.checkpoint.DomainCheckpoints(domains,
                processes.snapshots(), snaps,
                new org.virtd.qemu.checkpoint.CheckpointStore(ctx.stateDir().resolve("qemu/checkpoint")),
                () -> System.currentTimeMillis() / 1000);
        cps.loadAll();
        this.checkpoints = cps;
        org.virtd.qemu.blockjob.DomainBackups backupJobs = new org.virtd.qemu.blockjob.DomainBackups(
                processes.lifecycle(), new BackupCheckpointsAdapter(cps));
        processes.lifecycle().addEventHook(backupJobs);
        this.backups = backupJobs;
        processes.lifecycle().hostCpuModels(cpuCompare::hostModel);
        setLiveTuning(DomainLifecycleHandlers.liveTuning(() -> processes));
        processes.reattach();
        processes.autostartInBackground();
    }

    /** SIGHUP: qemu.conf again, for the guests started from now on. */
    @Override
    public String reload() {
        QemuConfSource c = conf;
        return c == null ? "not started" : c.reload();
    }

    @Override
    public void shutdown() {
        DomainProcesses p = processes;
        if (p != null) {
            p.detach();
        }
    }

    private DomainSnapshots snapshots() throws VirtException {
        DomainSnapshots s = snapshots;
        if (s == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "the QEMU driver is still starting");
        }
        return s;
    }

    private org.virtd.qemu.checkpoint.DomainCheckpoints checkpoints() throws VirtException {
        org.virtd.qemu.checkpoint.DomainCheckpoints c = checkpoints;
        if (c == null) {
            throw new VirtException(ErrorCode.OPERATION_INVALID, ErrorDomain.QEMU, "the QEMU driver is still starting");
        }
        return c;
    }

    private long cpuTimeNanos(DomainObject dom) {
        DomainProcesses p = processes;
        return p == null ? 0L : p.lifecycle().cpuTimeNanos(dom);
    }

    /** The persistent definitions under {@code <config>/qemu}; the probe is awaited only if there are any. */
    private DomainRegistry loadDomains(Path dir) {
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            LOG.error("cannot create the domain config directory {}: {}", dir, e.getMessage());
        }
        DomainStore store = new DomainStore(dir, ConfigSync.open(dir, CONFIG_SYNC_WINDOW));
        DomainRegistry registry = new DomainRegistry(store);
        UuidRandom random = UuidRandom.INSTANCE;
        registry.load(store.loadAll((xml, doc) -> new QemuDomainDefaults(GuestEmulators.from(capabilities()), random)
                .apply(QemuXmlConf.PARSER.parse(xml, false, doc))));
        LOG.debug("loaded {} persistent domains from {}", registry.size(), dir);
        return registry;
    }

    /** The driver's domains; null before {@link #start}. */
    DomainRegistry domains() {
        return domains;
    }

    /** Installs the running half's live setmem/setvcpus (until then LIVE changes are refused). */
    void setLiveTuning(LiveTuning tuning) {
        this.liveTuning = tuning;
    }

    DriverContext context() {
        return context;
    }

    /** A system daemon (root) serves qemu:///system; before start() we assume so. */
    boolean privileged() {
        DriverContext ctx = context;
        return ctx == null || ctx.privileged();
    }

    /** The host's emulators as probed (or read from the cache); waits for the probe if needed. */
    HostCapabilities capabilities() throws VirtException {
        CompletableFuture<HostCapabilities> f = probeInBackground();
        try {
            return f.get(PROBE_TIMEOUT.toSeconds() * 2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, "interrupted while probing QEMU");
        } catch (ExecutionException | TimeoutException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "cannot probe the QEMU binaries: " + e.getMessage(), e);
        }
    }

    /** The emulator probe, with its cache under the daemon's cache directory. */
    synchronized QemuProbe probe() {
        if (probe == null) {
            DriverContext ctx = context;
            Path cache = ctx != null ? ctx.cacheDir().resolve("qemu/capabilities")
                    : Path.of(System.getProperty("java.io.tmpdir"), "virtd-qemu-caps");
            Path scratch = ctx != null ? ctx.runDir().resolve("qemu") : Path.of(System.getProperty("java.io.tmpdir"));
            probe = new QemuProbe(cache, scratch, PROBE_TIMEOUT, KvmSupport.detect());
        }
        return probe;
    }

    /** The probe's own thread, which ends with it (the common pool's would linger for a minute). */
    private static void onProbeThread(Runnable probe) {
        Thread t = new Thread(probe, "qemu-probe");
        t.setDaemon(true);
        t.start();
    }

    private synchronized CompletableFuture<HostCapabilities> probeInBackground() {
        if (capabilities == null) {
            capabilities = CompletableFuture.supplyAsync(() -> {
                QemuProbe probe = probe();
                HostCapabilities caps = HostCapabilities.load(probe, QemuProbe.findEmulators(System.getenv("PATH")));
                LOG.debug("QEMU probe found {} guest architectures", caps.guests().size());
                return caps;
            }, QemuDriver::onProbeThread);
        }
        return capabilities;
    }
}
