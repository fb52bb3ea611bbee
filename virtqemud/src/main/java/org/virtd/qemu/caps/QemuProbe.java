package org.virtd.qemu.caps;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.JsonValue;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.qemu.qmp.QmpConnector;
import org.virtd.qemu.qmp.QmpEventListener;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/**
 * Inspects an installed emulator the way libvirt's capabilities probe does (qemu-driver.md §9):
 * {@code -version} for the version number, then a throw-away
 * {@code <bin> -S -no-user-config -nodefaults -nographic -machine none,accel=kvm:tcg -qmp unix:…}
 * asked {@code query-target}, {@code query-kvm}, {@code query-machines} and the questions of
 * {@link FactsQuery}, then terminated (with KVM, a second QEMU under TCG answers the CPU ones).
 * Results go through a {@link CapabilitiesCache}, so a warm start costs two {@code stat}s and a
 * file read per emulator and starts no process.
 */
public final class QemuProbe {
    public static final Path DEFAULT_EMULATOR = Path.of("/usr/bin/qemu-system-x86_64");
    private static final Logger LOG = LoggerFactory.getLogger(QemuProbe.class);

    private final CapabilitiesCache cache;
    private final Path scratchDir;
    private final Duration timeout;
    private final KvmSupport kvm;

    /**
     * @param cacheDir   where cache files live ({@code <cache>/qemu/capabilities})
     * @param scratchDir where probe sockets are made ({@code <lib>/qemu}); keep it short (socket path limit)
     * @param timeout    bound for each probe process
     */
    public QemuProbe(Path cacheDir, Path scratchDir, Duration timeout, KvmSupport kvm) {
        this.cache = new CapabilitiesCache(cacheDir);
        this.scratchDir = scratchDir;
        this.timeout = timeout;
        this.kvm = kvm;
    }

    public KvmSupport kvm() {
        return kvm;
    }

    /** Cached capabilities of {@code emulator}, probing it only when the cache does not match. */
    public EmulatorCapabilities capabilities(Path emulator) throws VirtException {
        failIfNotExecutable(emulator);
        var cached = cache.load(emulator, kvm.deviceUsable());
        if (cached.isPresent()) {
            return cached.get();
        }
        EmulatorCapabilities caps = probe(emulator);
        try {
            cache.store(caps, kvm.deviceUsable());
        } catch (IOException e) {
            LOG.warn("cannot write capabilities cache for {}: {}", emulator, e.getMessage());
        }
        return caps;
    }

    /** Probes now, bypassing the cache. */
    public EmulatorCapabilities probe(Path emulator) throws VirtException {
        failIfNotExecutable(emulator);
        long started = System.nanoTime();
        long version = QemuVersion.parse(run(emulator, "-version"));
        if (version < 0) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "cannot parse " + emulator + " version number");
        }
        EmulatorCapabilities caps = probeQmp(emulator, version);
        LOG.info("probed {} ({} machine types) in {} ms", emulator, caps.machines().size(),
                (System.nanoTime() - started) / 1_000_000);
        return caps;
    }

    private EmulatorCapabilities probeQmp(Path emulator, long version) throws VirtException {
        EmulatorCapabilities caps = withProbeQemu(emulator, "kvm:tcg", qmp -> {
            String target = ((JsonObject) qmp.execute("query-target", null, timeout)).string("arch", "");
            boolean kvmOn = ((JsonObject) qmp.execute("query-kvm", null, timeout)).bool("enabled", false);
            JsonArray list = (JsonArray) qmp.execute("query-machines", null, timeout);
            FactsQuery q = new FactsQuery(qmp, timeout);
            Map<String, JsonValue> facts = new LinkedHashMap<>(q.inventory());
            facts.putAll(q.cpu(kvmOn ? "kvm" : "tcg"));
            return new EmulatorCapabilities(emulator, EmulatorCapabilities.archOfTarget(target), version,
                    qmp.greeting().pkg(), kvmOn, defaultFirst(list.objects().stream().map(CapabilitiesCache::machine).toList()),
                    new ProbedFacts(new JsonObject(facts)));
        });
        if (!caps.kvmEnabled()) {
            return caps;
        }
        // With KVM, TCG guests see other CPU models and another widest CPU: ask a TCG QEMU as well.
        Map<String, JsonValue> tcg = withProbeQemu(emulator, "tcg", qmp -> new FactsQuery(qmp, timeout).cpu("tcg"));
        Map<String, JsonValue> facts = new LinkedHashMap<>(caps.facts().json().members());
        facts.putAll(tcg);
        return new EmulatorCapabilities(caps.emulator(), caps.arch(), caps.version(), caps.packageName(), true,
                caps.machines(), new ProbedFacts(new JsonObject(facts)));
    }

    /** What a probe session asks its QEMU. */
    private interface Session<T> {
        T run(QmpClient qmp) throws VirtException;
    }

    private <T> T withProbeQemu(Path emulator, String accel, Session<T> session) throws VirtException {
        Path dir = null;
        Process qemu = null;
        Thread reaper = null;
        try {
            Files.createDirectories(scratchDir);
            dir = Files.createTempDirectory(scratchDir, "qmp-");
            Path socket = dir.resolve("qmp.monitor");
            Path log = dir.resolve("qmp.log");
            qemu = new ProcessBuilder(bounded(emulator.toString(), "-S", "-no-user-config", "-nodefaults", "-nographic",
                    "-machine", "none,accel=" + accel, "-qmp", "unix:" + socket + ",server=on,wait=off"))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            reaper = reaperOf(qemu);
            Runtime.getRuntime().addShutdownHook(reaper);
            try (QmpClient qmp = QmpConnector.connect(socket, "probe", QmpEventListener.NONE, timeout,
                    qemu.toHandle(), () -> readQuietly(log))) {
                return session.run(qmp);
            }
        } catch (IOException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "failed to probe " + emulator + ": " + e.getMessage(), e);
        } catch (ClassCastException | IllegalArgumentException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "unexpected QMP reply while probing " + emulator, e);
        } finally {
            stop(qemu);
            deleteTree(dir);
            if (reaper != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(reaper);
                } catch (IllegalStateException shuttingDown) {
                    // the hook is running or about to: nothing to undo
                }
            }
        }
    }

    /**
     * A throw-away probe QEMU must not outlive the daemon: it runs under coreutils' timeout, which
     * kills it after twice the probe timeout even if the daemon was killed outright, and a shutdown
     * hook stops it when the daemon exits normally in the middle of a probe.
     */
    private List<String> bounded(String... command) {
        List<String> out = new ArrayList<>();
        Path timeoutTool = Path.of("/usr/bin/timeout");
        if (Files.isExecutable(timeoutTool)) {
            out.addAll(List.of(timeoutTool.toString(), "--kill-after=2", (2 * timeout.toSeconds() + 5) + "s"));
        }
        out.addAll(List.of(command));
        return out;
    }

    private static Thread reaperOf(Process qemu) {
        return new Thread(() -> {
            qemu.descendants().forEach(ProcessHandle::destroyForcibly);
            qemu.destroyForcibly();
        }, "qemu-probe-reaper");
    }

    /**
     * The machine list as libvirt keeps it: default first, and without QEMU's placeholder
     * machine {@code none}, which libvirt never offers for guests.
     */
    static List<MachineType> defaultFirst(List<MachineType> machines) {
        List<MachineType> out = new ArrayList<>(machines);
        out.removeIf(m -> m.name().equals("none"));
        out.sort(Comparator.comparing(m -> !m.isDefault()));
        return out;
    }

    private String run(Path emulator, String arg) throws VirtException {
        try {
            Process p = new ProcessBuilder(emulator.toString(), arg).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.QEMU,
                        emulator + " " + arg + " did not finish within " + timeout.toMillis() + " ms");
            }
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "Cannot run " + emulator + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, "interrupted while probing " + emulator);
        }
    }

    private static void failIfNotExecutable(Path emulator) throws VirtException {
        if (!Files.isRegularFile(emulator) || !Files.isExecutable(emulator)) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "Cannot find QEMU binary " + emulator + ": No such file or directory");
        }
    }

    private static void stop(Process qemu) {
        if (qemu == null) {
            return;
        }
        qemu.destroy();
        try {
            if (!qemu.waitFor(2, TimeUnit.SECONDS)) {
                qemu.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            qemu.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static String readQuietly(Path log) {
        try {
            return Files.readString(log).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("cannot remove probe dir {}: {}", dir, e.getMessage());
        }
    }

    /**
     * The emulators to offer: {@link #DEFAULT_EMULATOR} when present, then every
     * {@code qemu-system-ARCH} on {@code pathEnv} (variants such as {@code qemu-system-x86_64-microvm}
     * skipped), each binary once.
     */
    public static List<Path> findEmulators(String pathEnv) {
        Set<Path> found = new LinkedHashSet<>();
        if (Files.isExecutable(DEFAULT_EMULATOR)) {
            found.add(DEFAULT_EMULATOR);
        }
        for (String d : (pathEnv == null ? "" : pathEnv).split(File.pathSeparator)) {
            if (d.isEmpty() || !Files.isDirectory(Path.of(d))) {
                continue;
            }
            try (Stream<Path> s = Files.list(Path.of(d))) {
                s.filter(p -> p.getFileName().toString().matches("qemu-system-[a-z0-9_]+"))
                        .filter(Files::isExecutable).sorted().forEach(p -> found.add(canonicalPath(p)));
            } catch (IOException e) {
                LOG.debug("cannot list {}: {}", d, e.getMessage());
            }
        }
        return List.copyOf(found);
    }

    private static Path canonicalPath(Path p) {
        try {
            Path real = p.toRealPath();
            return real.getFileName().equals(p.getFileName()) ? real : p;
        } catch (IOException e) {
            return p;
        }
    }
}
