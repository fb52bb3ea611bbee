/**
 * libvirt's configuration file syntax (virConf, daemons.md §7) and the daemon's own settings
 * (daemons.md §6) parsed from it into the immutable {@link org.virtd.core.config.DaemonConfig}.
 * Pure: no I/O beyond reading the file, no logging; failures are {@link
 * org.virtd.core.config.ConfigException}s carrying libvirt's message and the exit status.
 */
package org.virtd.core.config;
