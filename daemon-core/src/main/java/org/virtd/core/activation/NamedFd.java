package org.virtd.core.activation;

/** One file descriptor passed by systemd and the name its socket unit gave it (FileDescriptorName). */
public record NamedFd(int fd, String name) {
}
