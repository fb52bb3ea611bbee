package org.virtd.qemu.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.domain.DomainXmlFormatter;
import org.virtd.core.driver.DriverContext;
import org.virtd.qemu.hostnet.NetworkPorts;
import org.virtd.qemu.cgroup.GuestCgroups;
import org.virtd.qemu.config.QemuConf;
import org.virtd.qemu.security.Confiner;
import org.virtd.qemu.security.SecurityPolicy;
import org.virtd.qemu.domain.DomainRegistry;
import org.virtd.qemu.firmware.FirmwareDescriptor;
import org.virtd.qemu.firmware.FirmwareSelection;
import org.virtd.qemu.firmware.NvramFiles;
import org.virtd.core.driver.HostName;
import org.virtd.qemu.process.QemuLauncher;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * The running half of the driver assembled from the daemon's context: the lifecycle, the
 * start/create, control, resource and monitor-passthrough calls over it, and the start-up
 * recovery. {@link #open} re-attaches surviving guests before any client is served;
 * {@link #autostartInBackground} then starts autostart domains off the start-up path.
 */
public final class DomainProcesses {
    private static final Logger LOG = LoggerFactory.getLogger(DomainProcesses.class);
    private static final Duration MONITOR_TIMEOUT = Duration.ofSeconds(30);
    /** What a domain log's "starting up" line says, in libvirt's words (without its DNS lookup). */
    private static String banner() {
        return "libvirt version: 9.0.0, package: virtd-java 0.1.0, kernel: " + System.getProperty("os.version")
                + ", hostname: " + HostName.node();
    }

    private final DomainLifecycle lifecycle;
    private final DomainStarter starter;
    private final DomainControl control;
    private final DomainResources resources;
    private final MonitorPassthrough monitor;
    private final Recovery recovery;
    private final MigrationParams migration;
    private final GuestInput input;
    private final DomainPinning pinning;
    private final LiveGuests guests;
    private final GraphicsSockets graphics;
    private final DomainSaves saves;
    private final CoreDumps dumps;
    private final Supplier<QemuConf> conf;
    private final SnapshotRuns snapshots;

    private DomainProcesses(DomainLifecycle lifecycle, boolean privileged, SavedDefinitions definitions,
            Supplier<QemuConf> conf) {
        this.lifecycle = lifecycle;
        this.conf = conf;
        this.control = new DomainControl(lifecycle);
        this.saves = new DomainSaves(lifecycle, control,
                privileged ? new DomainXmlFormatter.Runtime("/machine", null) : null, definitions, conf);
        this.dumps = new CoreDumps(lifecycle, control, conf);
        lifecycle.crashDumps(dumps);
        this.starter = new DomainStarter(lifecycle, saves);
        this.resources = new DomainResources(lifecycle, control);
        this.monitor = new MonitorPassthrough(lifecycle, control);
        this.recovery = new Recovery(lifecycle);
        this.migration = new MigrationParams(control);
        this.input = new GuestInput(control);
        this.pinning = new DomainPinning(lifecycle);
        this.guests = new LiveGuests(lifecycle);
        this.graphics = new GraphicsSockets(control);
        this.snapshots = new SnapshotRuns(lifecycle, saves);
    }

    /** Builds the running half; {@link #reattach} then finds the guests a previous daemon left running. */
    public static DomainProcesses open(DriverContext ctx, DomainRegistry registry, boolean kvmWorks,
                                       MonitorCallbacks monitorCallbacks, Supplier<QemuConf> conf,
                                       SavedDefinitions definitions) {
        DomainLifecycle lifecycle = new DomainLifecycle(registry, ctx.events(), monitorCallbacks, ctx.inhibitor(),
                new QemuLauncher(MONITOR_TIMEOUT, banner()), new LaunchSpecMapping(kvmWorks, new VncPorts(), conf),
                LifecycleDirs.of(ctx));
        // network NICs take their ports from the network daemon beside this one, as libvirt's do
        lifecycle.hostNics().usePorts(NetworkPorts.in(ctx.runDir(), ctx.privileged()));
        lifecycle.firmware(new NvramFiles(new FirmwareSelection(FirmwareDescriptor.SYSTEM_DIRS,
                LifecycleDirs.of(ctx).lib().resolve("nvram")), conf));
        lifecycle.confiner(new Confiner(() -> SecurityPolicy.of(conf.get(), ctx.privileged()),
                LifecycleDirs.of(ctx).run().resolve("dac-owners")));
        if (ctx.privileged()) {
            // as libvirt: a session daemon's guests have no cgroup of their own
            lifecycle.cgroups(new CgroupRuns(GuestCgroups.system(conf)));
        }
        DomainProcesses p = new DomainProcesses(lifecycle, ctx.privileged(), definitions, conf);
        p.saves.loadManagedSaves(registry);
        return p;
    }

    /**
     * Re-attaches the guests a previous daemon left running; called once the mechanisms that keep
     * state in their status files (block jobs, backups) follow the runs.
     */
    public void reattach() {
        int alive = recovery.reattachAll();
        LOG.debug("re-attached {} running domains", alive);
    }

    public void autostartInBackground() {
        Thread t = new Thread(() -> recovery.autostartOnce(starter,
                conf.get().autoStartBypassCache() ? DomainStarter.START_BYPASS_CACHE : 0), "qemu-autostart");
        t.setDaemon(true);
        t.start();
    }

    /** Devices added to and removed from running guests. */
    public LiveDevices devices() {
        return new LiveDevices(lifecycle);
    }

    public DomainLifecycle lifecycle() {
        return lifecycle;
    }

    public DomainSaves saves() {
        return saves;
    }

    /** The command line a start would run (domxml-to-native). */
    public PretendCommand pretend() {
        return new PretendCommand(lifecycle);
    }

    /** UEFI variable stores (undefine's NVRAM rule). */
    public NvramFiles nvram() {
        return lifecycle.firmware();
    }

    public CoreDumps dumps() {
        return dumps;
    }

    public DomainStarter starter() {
        return starter;
    }

    public DomainControl control() {
        return control;
    }

    public DomainResources resources() {
        return resources;
    }

    public MonitorPassthrough monitor() {
        return monitor;
    }

    public MigrationParams migration() {
        return migration;
    }

    public GuestInput input() {
        return input;
    }

    public DomainPinning pinning() {
        return pinning;
    }

    public LiveGuests guests() {
        return guests;
    }

    public GraphicsSockets graphics() {
        return graphics;
    }

    public SnapshotRuns snapshots() {
        return snapshots;
    }

    /** Daemon shutdown: the guests keep running; only our connections to them close. */
    public void detach() {
        lifecycle.detachAll();
    }
}
