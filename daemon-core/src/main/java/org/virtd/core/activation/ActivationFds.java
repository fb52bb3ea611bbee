package org.virtd.core.activation;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The listening sockets systemd passed to this process, with their names (daemons.md §11). Several
 * fds may share a name (a TCP unit listening on IPv4 and IPv6). The daemon claims the names it
 * knows; anything left over is an error (exit status 6, "Some activation file descriptors are
 * unclaimed").
 */
public record ActivationFds(List<NamedFd> fds) {
    public ActivationFds {
        fds = List.copyOf(fds);
    }

    /** The fds passed under {@code name}, in the order systemd passed them. */
    public List<Integer> named(String name) {
        return fds.stream().filter(f -> f.name().equals(name)).map(NamedFd::fd).toList();
    }

    /** The fds whose names are not among {@code claimed}. */
    public List<NamedFd> unclaimed(Collection<String> claimed) {
        Set<String> names = Set.copyOf(claimed);
        return fds.stream().filter(f -> !names.contains(f.name())).toList();
    }
}
