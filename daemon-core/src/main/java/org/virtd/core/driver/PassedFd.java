package org.virtd.core.driver;

import java.io.Closeable;

/**
 * A file descriptor a reply hands to the client (REPLY_WITH_FDS, sent as SCM_RIGHTS after the
 * message): the number to send and the object that owns it, closed once it has been sent (the
 * client then holds its own copy) or when the reply fails.
 */
public record PassedFd(int fd, Closeable owner) {
}
