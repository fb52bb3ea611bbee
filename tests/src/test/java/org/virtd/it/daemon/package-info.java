/**
 * End-to-end tests of a daemon's life (daemons.md §2–11): the built launchers run as real
 * processes under a private {@code VIRTD_PREFIX}, driven by virsh, virt-admin, socat and
 * systemd-socket-activate.
 */
package org.virtd.it.daemon;
