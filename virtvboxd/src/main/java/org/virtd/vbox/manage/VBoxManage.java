package org.virtd.vbox.manage;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one way the driver runs VBoxManage: an argument list handed to the program itself (never a
 * shell, so machine names and paths need no quoting), both streams kept whole, a deadline per
 * call after which the process is killed, and a failure turned into a libvirt error by
 * {@link ManageErrors}. Thread-safe; callers serialise per machine where order matters.
 * <p>
 * The streams go to two private temporary files, read once the process has exited, so a call
 * costs no thread besides the caller's and the JDK's process reaper, which {@link ReaperLinger}
 * keeps from lingering (issue 17's thread budget); and a child VBoxManage leaves behind (VBoxSVC)
 * holding the streams cannot hold the call.
 */
public final class VBoxManage {
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    /**
     * Where the output files go: shared memory when there is some, where creating and removing
     * two files costs about what two pipes and their reader threads did (measured, /bin/echo as
     * the program); a disk-backed temporary directory added about 0.4 ms a call.
     */
    private static final Path SCRATCH = scratch();

    private final Path executable;
    private final Duration timeout;
    /** Every process launched, for the benchmark's "launches per call". */
    private final AtomicLong launches = new AtomicLong();

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
        ReaperLinger.end();
        List<String> cmd = new ArrayList<>(args.size() + 1);
        cmd.add(executable.toString());
        cmd.addAll(args);
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile(SCRATCH, "virtvboxd-", ".out");
            err = Files.createTempFile(SCRATCH, "virtvboxd-", ".err");
            return collect(args, start(cmd, out, err), out, err);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.VBOX,
                    "cannot read VBoxManage output: " + e.getMessage(), e);
        } finally {
            delete(out);
            delete(err);
        }
    }

    private Process start(List<String> cmd, Path out, Path err) throws VirtException {
        try {
            Process p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            launches.incrementAndGet();
            return p;
        } catch (IOException e) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.VBOX,
                    "cannot run " + executable + ": " + e.getMessage(), e);
        }
    }

    /** Waits on the caller's thread, within the deadline, then reads what the process wrote. */
    private Output collect(List<String> args, Process p, Path out, Path err) throws VirtException, IOException {
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                throw new VirtException(ErrorCode.OPERATION_TIMEOUT, ErrorDomain.VBOX,
                        "VBoxManage " + String.join(" ", args) + " did not finish within " + timeout.toSeconds() + "s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.VBOX, "interrupted while running VBoxManage");
        }
        return new Output(args, p.exitValue(), text(out), text(err));
    }

    private static Path scratch() {
        Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    private static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temporary file left in the temporary directory; nothing else depends on it
            }
        }
    }
}
