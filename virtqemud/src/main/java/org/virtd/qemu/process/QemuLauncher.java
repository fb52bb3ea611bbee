package org.virtd.qemu.process;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.qemu.qmp.QmpConnector;
import org.virtd.qemu.qmp.QmpEventListener;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/**
 * Starts a domain's QEMU the way qemu-driver.md §4–5 describes: paused ({@code -S}), in its own
 * session via {@code setsid} so it outlives the daemon and ignores the daemon's terminal, with a
 * clean environment (LC_ALL=C, PATH, HOME and XDG dirs under the domain dir), stdin from
 * /dev/null and stdout/stderr appended to the domain log after the header. It then connects the
 * monitor, reads the pty paths from {@code query-chardev} and sends {@code cont} unless a paused
 * start was asked for. Any failure kills the half-started QEMU and reports what QEMU printed.
 * {@link #reattach} is the restart half: verify the pid, reconnect, re-read the ptys.
 */
public final class QemuLauncher {
    public static final Path SETSID = Path.of("/usr/bin/setsid");
    /** util-linux prlimit: sets QEMU's rlimits before it runs (qemu.conf max_processes, max_files). */
    static final Path PRLIMIT = Path.of("/usr/bin/prlimit");
    private static final int LOG_TAIL = 4096;

    private final Duration monitorTimeout;
    private final String banner;

    /** @param banner text after "starting up" in the log, e.g. "virtd-java 0.1, qemu version: 7.2.22" */
    public QemuLauncher(Duration monitorTimeout, String banner) {
        this.monitorTimeout = monitorTimeout;
        this.banner = banner;
    }

    /**
     * Launches {@code spec}; {@code listener} is attached before the handshake so no event is
     * missed (the RESUME answering {@code cont} included). {@code domainDir} (HOME, and usually
     * the monitor socket's directory) is created if missing.
     */
    public QemuProcess launch(QemuLaunchSpec spec, Path domainDir, DomainLog log, boolean startPaused,
            QmpEventListener listener) throws VirtException {
        return launch(spec, domainDir, log, startPaused, listener, false);
    }

    /**
     * As {@link #launch(QemuLaunchSpec, Path, DomainLog, boolean, QmpEventListener)}; with
     * {@code incoming} QEMU waits ({@code -incoming defer}) for a saved state fed through
     * {@code migrate-incoming} instead of booting, and is always left paused.
     */
    public QemuProcess launch(QemuLaunchSpec spec, Path domainDir, DomainLog log, boolean startPaused,
            QmpEventListener listener, boolean incoming) throws VirtException {
        return launch(spec, domainDir, log, startPaused, listener, incoming, List.of());
    }

    /**
     * As above, with {@code wrapper} run between the rlimits and QEMU: the private /dev, the
     * guest's cgroup join, the change of account, each a command that execs the rest, so QEMU
     * keeps the pid and everything it does happens where they put it.
     */
    public QemuProcess launch(QemuLaunchSpec spec, Path domainDir, DomainLog log, boolean startPaused,
            QmpEventListener listener, boolean incoming, List<String> wrapper) throws VirtException {
        List<String> argv = new ArrayList<>(QemuCommandLine.build(spec));
        if (incoming) {
            startPaused = true;
            argv.add("-incoming");
            argv.add("defer");
        }
        Map<String, String> env = environment(domainDir);
        long logStart;
        Process qemu;
        try {
            Files.createDirectories(domainDir);
            Files.createDirectories(spec.monitorSocket().getParent());
            Files.deleteIfExists(spec.monitorSocket());
            log.starting(banner, env, argv);
            // errors quote what QEMU itself wrote, not the header above (libvirt marks the same place)
            logStart = log.size();
            qemu = start(argv, env, log, spec.host(), wrapper);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "cannot start " + spec.emulator() + " for '" + spec.name() + "': " + e.getMessage(), e);
        }
        QmpClient monitor = null;
        try {
            monitor = QmpConnector.connect(spec.monitorSocket(), spec.name(), listener, monitorTimeout,
                    qemu.toHandle(), () -> log.since(logStart, LOG_TAIL));
            Map<String, String> ptys = ptys(monitor);
            if (!startPaused) {
                monitor.execute("cont", null, monitorTimeout);
            }
            return new QemuProcess(spec.name(), qemu.toHandle(), qemu, spec.monitorSocket(), monitor, ptys);
        } catch (VirtException e) {
            if (monitor != null) {
                monitor.close();
            }
            throw abort(qemu, e, log, logStart);
        }
    }

    private static Process start(List<String> argv, Map<String, String> env, DomainLog log,
                                 QemuLaunchSpec.HostPolicy host, List<String> wrapper) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            cmd.add(SETSID.toString());
        }
        cmd.addAll(limits(host));
        cmd.addAll(wrapper);
        cmd.addAll(argv);
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.file().toFile()))
                .redirectErrorStream(true);
        pb.environment().clear();
        pb.environment().putAll(env);
        if (env.containsKey("HOME")) {
            // the driver's state directory: socket paths too long for sun_path are given relative to it
            pb.directory(Path.of(env.get("HOME")).getParent().toFile());
        }
        return pb.start();
    }

    /**
     * qemu.conf's process and file limits, set (soft and hard) between fork and exec as libvirt
     * does; util-linux's prlimit does that for us since Java cannot run code in the child.
     */
    static List<String> limits(QemuLaunchSpec.HostPolicy host) {
        if (host.maxProcesses() == 0 && host.maxFiles() == 0) {
            return List.of();
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(PRLIMIT.toString());
        if (host.maxProcesses() > 0) {
            cmd.add("--nproc=" + host.maxProcesses());
        }
        if (host.maxFiles() > 0) {
            cmd.add("--nofile=" + host.maxFiles());
        }
        cmd.add("--");
        return cmd;
    }

    static Map<String, String> environment(Path domainDir) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LC_ALL", "C");
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin"));
        env.put("HOME", domainDir.toString());
        env.put("XDG_DATA_HOME", domainDir.resolve(".local/share").toString());
        env.put("XDG_CACHE_HOME", domainDir.resolve(".cache").toString());
        env.put("XDG_CONFIG_HOME", domainDir.resolve(".config").toString());
        return env;
    }

    private VirtException abort(Process qemu, VirtException cause, DomainLog log, long logStart) {
        boolean diedByItself = waitExit(qemu, 1000);
        if (!diedByItself) {
            qemu.destroyForcibly();
            waitExit(qemu, 5000);
            return cause;
        }
        if (cause.error().detail() != null && cause.error().detail().startsWith(QmpConnector.CLOSED_MONITOR)) {
            return cause;
        }
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                QmpConnector.CLOSED_MONITOR + log.since(logStart, LOG_TAIL), cause);
    }

    private static boolean waitExit(Process p, long millis) {
        try {
            return p.waitFor(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !p.isAlive();
        }
    }

    /** Labels of pty chardevs → their /dev/pts paths. */
    static Map<String, String> ptys(QmpClient monitor) throws VirtException {
        Map<String, String> out = new HashMap<>();
        JsonArray list = (JsonArray) monitor.execute("query-chardev", null);
        for (JsonObject c : list.objects()) {
            String file = c.string("filename", "");
            if (file.startsWith("pty:")) {
                out.put(c.string("label", ""), file.substring(4));
            }
        }
        return out;
    }

    /**
     * Re-attaches to a QEMU left running by a previous daemon: fails with OPERATION_FAILED when
     * the pid is gone or is not that QEMU, otherwise reconnects the monitor (no {@code cont},
     * no state change) and re-reads the pty paths.
     */
    public QemuProcess reattach(DomainStatus status, QmpEventListener listener) throws VirtException {
        if (!QemuIdentity.matches(status.pid(), status.emulator(), status.name(), status.monitorPath())) {
            throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "process " + status.pid()
                    + " is not the QEMU of domain '" + status.name() + "' any more");
        }
        ProcessHandle handle = ProcessHandle.of(status.pid()).orElseThrow(() -> new VirtException(
                ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "process " + status.pid() + " is gone"));
        QmpClient monitor = QmpClient.connect(status.monitorPath(), status.name(), listener, monitorTimeout);
        try {
            return new QemuProcess(status.name(), handle, null, status.monitorPath(), monitor, ptys(monitor));
        } catch (VirtException e) {
            monitor.close();
            throw e;
        }
    }
}
