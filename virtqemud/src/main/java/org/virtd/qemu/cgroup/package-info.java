/**
 * Each running guest's cgroup, as libvirt places it without systemd-machined: created under the
 * {@code /machine} partition before QEMU runs, joined by QEMU before it execs, tuned from
 * {@code <memtune>}, {@code <blkiotune>} and {@code <cputune>}, found again from
 * {@code /proc/PID/cgroup} after a daemon restart and removed when QEMU is gone.
 */
package org.virtd.qemu.cgroup;
