package org.virtd.qemu.lifecycle;

import org.virtd.qemu.qmp.JsonObject;
import org.virtd.qemu.qmp.QmpClient;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A migration stream between QEMU and a file, as libvirt feeds it: QEMU gets a descriptor
 * ({@code getfd}, then the {@code fd:} URI) and the daemon runs the shell pipeline that reads or
 * writes the file, since a sandboxed QEMU may not spawn it and a confined one may not open the
 * file. The two meet at a FIFO in a private temporary directory; the daemon opens its end
 * read-write, which never blocks, and hands that to QEMU.
 */
final class StreamPipe implements AutoCloseable {
    static final String FD_NAME = "migrate";
    static final String URI = "fd:" + FD_NAME;

    private final Path dir;
    private final Process helper;
    private final RandomAccessFile end;

    private StreamPipe(Path dir, Process helper, RandomAccessFile end) {
        this.dir = dir;
        this.helper = helper;
        this.end = end;
    }

    /** QEMU writes the stream; {@code pipeline} reads it on its stdin (a save). */
    static StreamPipe into(String pipeline) throws VirtException {
        return open("{ " + pipeline + " ; } < \"$0\"");
    }

    /** {@code pipeline} writes the stream on its stdout; QEMU reads it (a restore). */
    static StreamPipe from(String pipeline) throws VirtException {
        return open("{ " + pipeline + " ; } > \"$0\"");
    }

    private static StreamPipe open(String script) throws VirtException {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("virtd-stream");
            Path fifo = dir.resolve("stream");
            Process mk = new ProcessBuilder("mkfifo", "-m", "0600", fifo.toString()).redirectErrorStream(true).start();
            if (!mk.waitFor(10, TimeUnit.SECONDS) || mk.exitValue() != 0) {
                throw new IOException("mkfifo " + fifo + " failed");
            }
            RandomAccessFile end = new RandomAccessFile(fifo.toFile(), "rw");
            Process helper = new ProcessBuilder(List.of("/bin/sh", "-c", script, fifo.toString()))
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.PIPE).start();
            return new StreamPipe(dir, helper, end);
        } catch (IOException e) {
            DomainLifecycle.deleteTree(dir);
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU,
                    "cannot set up the migration stream: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            DomainLifecycle.deleteTree(dir);
            throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, "interrupted");
        }
    }

    /**
     * Gives QEMU its end under {@link #FD_NAME}. Ours stays open until {@link #finish}: with no
     * reader yet (the pipeline still starting) QEMU's first write would fail.
     */
    void handTo(QmpClient monitor) throws VirtException {
        try {
            monitor.executeWithFd("getfd", JsonObject.of("fdname", FD_NAME), end.getFD());
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, e.getMessage());
        }
    }

    /** Lets go of our end, so the pipeline sees EOF, and waits for it to finish the file; its failure is the save's. */
    void finish(Duration limit) throws VirtException {
        closeEnd();
        try {
            if (!helper.waitFor(Math.max(1, limit.toMillis()), TimeUnit.MILLISECONDS)) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                        "the migration stream's writer did not finish");
            }
            if (helper.exitValue() != 0) {
                String why = new String(helper.getErrorStream().readNBytes(4096)).trim();
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU,
                        "writing the migration stream failed: " + why);
            }
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.QEMU, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.OPERATION_ABORTED, ErrorDomain.QEMU, "interrupted");
        }
    }

    private void closeEnd() {
        try {
            end.close();
        } catch (IOException ignored) {
            // nothing held any more
        }
    }

    @Override
    public void close() {
        closeEnd();
        if (helper.isAlive()) {
            helper.destroyForcibly();
        }
        DomainLifecycle.deleteTree(dir);
    }
}
