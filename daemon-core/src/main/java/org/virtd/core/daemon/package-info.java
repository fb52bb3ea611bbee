/**
 * A daemon's life outside the RPC server (daemons.md §1–11): command line, paths, start-up
 * order, PID file, traditional daemonizing, listeners from config or systemd, idle timeout,
 * signals, and the exit statuses of libvirt 9.0. {@link org.virtd.core.daemon.DaemonMain} is the
 * one entry point each daemon's {@code Main} calls, and the only class that calls System.exit.
 */
package org.virtd.core.daemon;
