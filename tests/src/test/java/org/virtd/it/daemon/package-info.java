/**
 * End-to-end tests of a daemon's life (daemons.md §2–11): {@link org.virtd.it.daemon.TestDaemon}
 * (the shared daemon core with a driver that accepts no URI), started by its launcher as a real
 * process under a private {@code VIRTD_PREFIX}, driven by virsh, virt-admin, socat and
 * systemd-socket-activate; and the one check left to a real daemon's own launcher.
 */
package org.virtd.it.daemon;
