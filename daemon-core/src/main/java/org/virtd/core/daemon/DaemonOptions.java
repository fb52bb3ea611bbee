package org.virtd.core.daemon;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The parsed command line of a daemon (daemons.md §3): {@code -d}, {@code -f FILE}, {@code -p
 * FILE}, {@code -t SECS}, {@code -v}. Help and version requests are answered by {@link
 * CommandLine} before any of this is built.
 */
public record DaemonOptions(boolean daemon, Optional<Path> configFile, Optional<Path> pidFile, int timeout,
                            boolean verbose) {
}
