/**
 * The daemon's side of systemd: socket activation (LISTEN_PID / LISTEN_FDS / LISTEN_FDNAMES,
 * daemons.md §11, systemd-units.md §7) parsed into immutable records, the sd_notify client, and
 * the few POSIX calls the JDK does not offer ({@link org.virtd.core.activation.Posix}).
 */
package org.virtd.core.activation;
