package org.virtd.core.daemon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.core.activation.Activation;
import org.virtd.core.activation.Posix;
import org.virtd.core.activation.SdNotify;
import org.virtd.core.config.ConfigException;
import org.virtd.core.config.DaemonConfig;
import org.virtd.core.driver.DriverContext;
import org.virtd.core.logging.LogSettings;
import org.virtd.core.assembly.RpcDaemon;
import org.virtd.core.server.MainServer;
import org.virtd.core.transport.ListenerSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * A daemon's life after the command line and config are settled, in libvirt's order (daemons.md
 * §4, §9–11): PID file, run dir, RPC servers, idle timer, signals, listeners (systemd's or its
 * own), "ok" to a {@code -d} parent, driver start off the main thread, accepting clients,
 * {@code READY=1}; then SIGHUP reloads until a quit signal or the idle timeout, and the quit
 * sequence (stop accepting, drain within a bound, driver shutdown, PID file removed).
 */
final class DaemonRuntime {
    private static final Logger LOG = LoggerFactory.getLogger(DaemonRuntime.class);
    private static final Duration DRAIN = Duration.ofSeconds(15);
    private static final Duration WATCHDOG = Duration.ofSeconds(30);

    private final DaemonIdentity id;
    private final DaemonPaths paths;
    private final DaemonOptions options;
    private final DaemonConfig config;
    private final Map<String, String> env;
    private final StatusPipe pipe;
    private final LoggingControl logging;
    private final Supplier<DaemonConfig> configReader;
    private final boolean daemonMode;
    private final SdNotify notify;
    private final CompletableFuture<Integer> quit = new CompletableFuture<>();
    private volatile boolean driverReady;
    private volatile RpcDaemon rpc;
    private volatile MainServer driver;
    private volatile DaemonConfig liveConfig;
    private final TlsUpdatingHooks adminHooks;

    DaemonRuntime(DaemonIdentity id, DaemonPaths paths, DaemonOptions options, DaemonConfig config,
                  Map<String, String> env, StatusPipe pipe, LoggingControl logging, boolean daemonMode,
                  Supplier<DaemonConfig> configReader) {
        this.id = id;
        this.paths = paths;
        this.options = options;
        this.config = config;
        this.liveConfig = config;
        this.env = env;
        this.pipe = pipe;
        this.logging = logging;
        this.configReader = configReader;
        this.daemonMode = daemonMode;
        this.notify = new SdNotify(env.get("NOTIFY_SOCKET"));
        this.adminHooks = new TlsUpdatingHooks(logging, id.name());
    }

    int run(MainServer.Factory driverFactory) {
        Path pidPath = options.pidFile().orElse(paths.pidFile());
        PidFile pidFile;
        try {
            pidFile = PidFile.acquire(pidPath, ProcessHandle.current().pid());
        } catch (PidFile.PidFileException e) {
            LOG.error(e.getMessage());
            return fail(ExitCode.PIDFILE, e.getMessage(), null);
        }
        try (pidFile) {
            return runHoldingPidFile(driverFactory);
        }
    }

    private int runHoldingPidFile(MainServer.Factory driverFactory) {
        try {
            createRunDir();
        } catch (IOException e) {
            String why = "unable to create rundir " + paths.runDir() + ": " + e.getMessage();
            LOG.error(why);
            return fail(ExitCode.RUNDIR, why, null);
        }
        if (config.main().maxAnonymousClients() > config.main().maxClients()) {
            String why = "The overall maximum number of clients must be greater than the maximum number of clients "
                    + "waiting for authentication";
            LOG.error(why);
            return fail(ExitCode.INIT, why, null);
        }
        IdleTimer timer = new IdleTimer(options.timeout(), () -> {
            LOG.info("Automatic shutdown triggered");
            quit.complete(0);
        });
        logging.attach(timer);
        timer.acquire();
        try {
            driver = driverFactory.create();
            rpc = new RpcDaemon(id.name(), config.main(), config.admin(), driver, adminHooks);
            IdleCompaction compaction = new IdleCompaction(rpc.timers());
            rpc.onClientCountChange(count -> {
                timer.clientsChanged(count);
                compaction.clientsChanged(count);
            });
            timer.scheduleOn(rpc.timers());
        } catch (RuntimeException e) {
            LOG.error("Unable to initialize the RPC servers: {}", e.toString());
            return fail(ExitCode.INIT, e.toString(), timer);
        }
        List<String> unhandled = SignalHandlers.install(this::reload, this::quitOnSignal);
        if (unhandled.contains("SIGHUP") || unhandled.contains("SIGTERM")) {
            LOG.error("Unable to handle {}", unhandled);
            return fail(ExitCode.SIGNAL, "Unable to handle " + unhandled, timer);
        }
        String netError = setUpListeners();
        if (netError != null) {
            return fail(netCode, netError, timer);
        }
        pipe.report(ExitCode.OK);
        startDriver(timer);
        return awaitQuit(timer);
    }

    private void createRunDir() throws IOException {
        Path dir = paths.runDir();
        String mode = paths.root() || paths.systemLayout() ? "rwxr-xr-x" : "rwx------";
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
        }
    }

    private ExitCode netCode = ExitCode.NETWORK;

    /** Sets up every listener; returns null, or the error (and sets {@link #netCode}). */
    private String setUpListeners() {
        DaemonPaths.SocketPaths socks = paths.sockets(config.unixSockets().dir().orElse(null));
        Activation activation = Activation.parse(env, ProcessHandle.current().pid());
        List<ListenerSpec> specs;
        try {
            if (activation instanceof Activation.Abandoned a) {
                LOG.error(a.error());
                a.fdsToClose().forEach(Posix::close);
            }
            if (!(activation instanceof Activation.None)) {
                Posix.unsetenv(Activation.VARIABLES);
            }
            if (activation instanceof Activation.Activated act) {
                specs = ListenerPlan.activated(id, socks, act.fds(), config);
                for (ListenerSpec s : specs) {
                    Posix.makeNonBlockingCloseOnExec(s.inheritedFd());
                }
            } else {
                specs = new java.util.ArrayList<>(ListenerPlan.ownSockets(socks, config, ListenerPlan::lookupGroup));
                specs.addAll(ListenerPlan.ipSockets(id, config.network()));
            }
            specs = AuthRules.apply(specs, config, paths);
            specs.stream().filter(s -> s.tls() != null).findFirst().ifPresent(s -> adminHooks.tls(s.tls()));
            for (ListenerSpec s : specs) {
                rpc.listen(s);
            }
            return null;
        } catch (ConfigException e) {
            LOG.error(e.getMessage());
            netCode = ExitCode.of(e.exitStatus());
            return e.getMessage();
        } catch (IOException | RuntimeException e) {
            LOG.error("Unable to set up the listening sockets: {}", e.getMessage());
            return "Unable to set up the listening sockets: " + e.getMessage();
        }
    }

    private void startDriver(IdleTimer timer) {
        DriverContext context = new DriverContext(rpc.events(), paths.configDir(), paths.runDir(), paths.stateDir(),
                paths.logDir(), paths.cacheDir(), paths.systemLayout(), timer);
        Thread t = new Thread(() -> {
            try {
                driver.start(context);
                rpc.start();
                driverReady = true;
                timer.release();
                notify.send("READY=1\nSTATUS=accepting clients");
            } catch (ConfigException e) {
                // the driver's own config file: its message names the file, line and key
                LOG.error("Initialization of the state driver failed: {}", e.getMessage());
                LOG.error("Driver state initialization failed");
                quit.complete(ExitCode.DRIVER.status());
            } catch (Exception | Error e) {
                LOG.error("Driver state initialization failed: {}", e.toString());
                quit.complete(ExitCode.DRIVER.status());
            }
        }, "driver-start");
        t.setDaemon(true);
        t.start();
    }

    private int awaitQuit(IdleTimer timer) {
        int status;
        try {
            status = quit.get();
        } catch (InterruptedException | ExecutionException e) {
            status = ExitCode.FAILURE;
        }
        notify.send("STOPPING=1\nSTATUS=shutting down");
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(WATCHDOG.toMillis());
                LOG.error("Make forcefull daemon shutdown");
                Runtime.getRuntime().halt(ExitCode.FAILURE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "shutdown-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        timer.stop();
        try {
            rpc.shutdown(DRAIN);
        } catch (RuntimeException e) {
            LOG.warn("RPC shutdown failed: {}", e.toString());
        }
        try {
            driver.shutdown();
        } catch (RuntimeException e) {
            LOG.warn("Driver shutdown failed: {}", e.toString());
        }
        watchdog.interrupt();
        return status;
    }

    private void quitOnSignal(String signal) {
        LOG.info("Shutting down on {}", signal);
        quit.complete(0);
    }

    private synchronized void reload() {
        if (!driverReady) {
            LOG.warn("Ignoring SIGHUP reload request while drivers are initializing");
            return;
        }
        LOG.info("Reloading configuration on SIGHUP");
        notify.send("RELOADING=1");
        StringBuilder applied = new StringBuilder();
        liveConfig = configReader.get();
        try {
            LogSettings.Sources sources = DaemonMain.logSources(liveConfig, env, options.verbose(), daemonMode, paths);
            logging.apply(LogSettings.resolve(sources));
            applied.append("logging ").append(logging.current().outputsText());
        } catch (Exception e) {
            applied.append("logging unchanged (").append(e.getMessage()).append(')');
        }
        try {
            rpc.updateSettings(liveConfig.main(), liveConfig.admin());
            applied.append("; limits");
        } catch (RuntimeException e) {
            applied.append("; limits unchanged (").append(e).append(')');
        }
        applied.append("; driver: ").append(driver.reload());
        LOG.info("Reload applied: {}", applied);
        notify.send("READY=1\nSTATUS=reloaded: " + applied);
    }

    private int fail(ExitCode code, String detail, IdleTimer timer) {
        if (timer != null) {
            timer.stop();
        }
        pipe.report(code, detail);
        return code.status();
    }
}
