package org.virtd.core.driver;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * A file descriptor passed over a UNIX socket with a message: one a reply hands to the client
 * (REPLY_WITH_FDS, sent as SCM_RIGHTS after the message), or one a client sent with its call
 * (CALL_WITH_FDS). It is the number and the object that owns it, closed once it has been sent
 * (the client then holds its own copy), when the reply fails, or when nobody took it.
 */
public record PassedFd(int fd, Closeable owner) {

    /** Closes every descriptor of {@code fds} (null: none), ignoring those already gone. */
    public static void closeAll(List<PassedFd> fds) {
        if (fds == null) {
            return;
        }
        for (PassedFd f : fds) {
            try {
                f.owner().close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }
}
