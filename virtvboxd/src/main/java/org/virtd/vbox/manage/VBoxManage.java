package org.virtd.vbox.manage;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one way the driver runs VBoxManage: an argument list handed to the program itself (never a
 * shell, so machine names and paths need no quoting), both streams read to the end, a deadline
 * per call after which the process is killed, and a failure turned into a libvirt error by
 * {@link ManageErrors}. Thread-safe; callers serialise per machine where order matters.
 */
public final class VBoxManage {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final Path executable;
    private final Duration timeout;
    /** Every process launched, for the benchmark's "launches per call". */
    private final AtomicLong launches = new AtomicLong();
    /**
     * Stream readers: blocking reads must not sit in the common fork-join pool (one thread on 2
     * cores). Grown per concurrent call and gone 5 s after the last (not a cached pool's minute),
     * so an idle daemon does not keep them (issue 17).
     */
    private final ExecutorService readers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 5, TimeUnit.SECONDS,
            new SynchronousQueue<>(), r -> {
                Thread t = new Thread(r, "vboxmanage-reader");
                t.setDaemon(true);
                return t;
            });

    public VBoxManage(Path executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
    }

    public VBoxManage(Path executable) {
        this(executable, DEFAULT_TIMEOUT);
    }

    public Path executable() {
        return executable;
    }

    public long launches() {
        return launches.get();
    }

    /** Runs VBoxManage and returns its output, or throws the mapped error when it failed. */
    public Output call(String... args) throws VirtException {
        Output out = run(List.of(args));
        if (!out.ok()) {
            throw ManageErrors.toException(out);
        }
        return out;
    }

    /** Runs VBoxManage and returns its output whatever the exit status (rollback, probes). */
    public Output run(List<String> args) throws VirtException {
        List<String> cmd = new ArrayList<>(args.size() + 1);
        cmd.add(executable.toString());
        cmd.addAll(args);
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(devNull())).start();
        } catch (IOException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.VBOX,
                    "cannot run " + executable + ": " + e.getMessage(), e);
        }
        launches.incrementAndGet();
        CompletableFuture<String> stdout = drain(p.getInputStream());
        CompletableFuture<String> stderr = drain(p.getErrorStream());
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.VBOX,
                        "VBoxManage " + String.join(" ", args) + " did not finish within " + timeout.toSeconds() + "s");
            }
            return new Output(args, p.exitValue(), stdout.get(), stderr.get());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.VBOX, "interrupted while running VBoxManage");
        } catch (ExecutionException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.VBOX,
                    "cannot read VBoxManage output: " + e.getCause().getMessage(), e);
        }
    }

    private static java.io.File devNull() {
        return new java.io.File("/dev/null");
    }

    private CompletableFuture<String> drain(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, readers);
    }
}
