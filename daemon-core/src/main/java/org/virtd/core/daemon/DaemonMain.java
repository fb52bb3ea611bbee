package org.virtd.core.daemon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.core.config.ConfigException;
import org.virtd.core.config.DaemonConfig;
import org.virtd.core.config.DaemonConfigReader;
import org.virtd.core.logging.LogSettings;
import org.virtd.core.logging.LogSyntax;
import org.virtd.core.logging.LogbackWiring;
import org.virtd.core.assembly.WarmUp;
import org.virtd.core.server.MainServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one entry point of every daemon (libvirt's remote_daemon.c main, daemons.md §4): command
 * line, config, logging, then either the {@code -d} re-execution or the daemon's life in
 * {@link DaemonRuntime}. Each daemon's {@code Main} calls {@link #run}; nothing else in the
 * project calls System.exit.
 */
public final class DaemonMain {
    private DaemonMain() {
    }

    /** Runs the daemon and exits the JVM with libvirt's status. Never returns. */
    public static void run(DaemonIdentity id, MainServer.Factory mainServer, String[] args) {
        int status = execute(id, mainServer, args, System.getenv());
        System.out.flush();
        System.err.flush();
        WarmUp.exiting();
        System.exit(status);
    }

    /** Runs the daemon and returns its exit status (for tests; {@link #run} exits with it). */
    public static int execute(DaemonIdentity id, MainServer.Factory mainServer, String[] args,
                              Map<String, String> env) {
        WarmUp warmUp = WarmUp.start();
        String argv0 = System.getProperty("virtd.argv0", id.name());
        DaemonPaths paths = DaemonPaths.of(id, currentUid(), env);
        CommandLine.Outcome outcome = CommandLine.parse(argv0, args, Usage.text(argv0, id, paths));
        warmUp.awaitLogging();
        Logger log = LoggerFactory.getLogger(DaemonMain.class);
        if (outcome instanceof CommandLine.Outcome.Exit exit) {
            System.out.print(exit.stdout());
            System.err.print(exit.stderr());
            if (exit.logError() != null) {
                log.error(exit.logError());
            }
            return exit.status();
        }
        DaemonOptions options = ((CommandLine.Outcome.Run) outcome).options();
        StatusPipe pipe = StatusPipe.fromEnvironment(env);
        boolean daemonMode = options.daemon() || pipe.present();

        Path configPath = options.configFile().orElse(paths.configFile());
        DaemonConfig config;
        try {
            config = DaemonConfigReader.load(configPath, options.configFile().isPresent());
        } catch (ConfigException e) {
            log.error("Can't load config file: {}: {}", e.getMessage(), configPath);
            return pipeFailure(pipe, ExitCode.FAILURE);
        }
        LogSettings.Sources sources = logSources(config, env, options.verbose(), daemonMode, paths);
        LogSettings logs;
        try {
            logs = LogSettings.resolve(sources);
        } catch (LogSyntax.LogSyntaxException e) {
            log.error(e.getMessage());
            return pipeFailure(pipe, ExitCode.FAILURE);
        }
        LogbackWiring.apply(logs, id.name());
        if (options.daemon() && !pipe.present()) {
            return Daemonizer.spawnAndWait(argv0, args, env, System.err);
        }
        LoggingControl logging = new LoggingControl(id.name(), logs,
                logs.withOutputs(java.util.List.of(LogSettings.defaultOutput(logs.priority(), daemonMode,
                        paths.defaultLogFile()))));
        DaemonRuntime runtime = new DaemonRuntime(id, paths, options, config, env, pipe, logging, daemonMode,
                () -> reload(configPath, options, config));
        return runtime.run(mainServer);
    }

    private static DaemonConfig reload(Path configPath, DaemonOptions options, DaemonConfig fallback) {
        try {
            return DaemonConfigReader.load(configPath, options.configFile().isPresent());
        } catch (ConfigException e) {
            LoggerFactory.getLogger(DaemonMain.class).error("Can't reload config file: {}: {}", e.getMessage(), configPath);
            return fallback;
        }
    }

    static LogSettings.Sources logSources(DaemonConfig config, Map<String, String> env, boolean verbose,
                                          boolean daemonMode, DaemonPaths paths) {
        return new LogSettings.Sources(config.logging().level(), config.logging().filters().orElse(null),
                config.logging().outputs().orElse(null), env, verbose, daemonMode, paths.defaultLogFile());
    }

    private static int pipeFailure(StatusPipe pipe, int status) {
        pipe.report(ExitCode.of(status));
        return status;
    }

    /** The effective uid, read from the owner of /proc/self. */
    static long currentUid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }
}
