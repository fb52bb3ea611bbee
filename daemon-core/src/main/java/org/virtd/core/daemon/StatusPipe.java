package org.virtd.core.daemon;

import org.virtd.core.activation.Posix;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.Map;

/**
 * The child end of the {@code -d} readiness pipe (daemons.md §4): the re-executed daemon finds it
 * on its standard output when {@code VIRTD_STATUS_PIPE=1}, writes one status byte (0 once it
 * listens and holds its PID file, else its {@link ExitCode} followed by the error text), then points
 * stdout at /dev/null.
 */
final class StatusPipe {
    static final String VARIABLE = "VIRTD_STATUS_PIPE";

    private boolean open;

    private StatusPipe(boolean open) {
        this.open = open;
    }

    static StatusPipe fromEnvironment(Map<String, String> env) {
        return new StatusPipe("1".equals(env.get(VARIABLE)));
    }

    /** True when this process is the child of a {@code -d} start. */
    boolean present() {
        return open;
    }

    synchronized void report(ExitCode code) {
        report(code, null);
    }

    /** Reports {@code code}; a failure's {@code detail} follows the byte so the parent can show it. */
    synchronized void report(ExitCode code, String detail) {
        if (!open) {
            return;
        }
        open = false;
        try {
            FileOutputStream out = new FileOutputStream(FileDescriptor.out);
            out.write(code.status());
            if (detail != null && code != ExitCode.OK) {
                out.write(detail.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            out.flush();
            Posix.redirectToDevNull(1);
        } catch (IOException e) {
            // the parent is gone; nothing else to tell
        }
    }
}
