/**
 * The kernel side of device access on a unified (v2) cgroup hierarchy, where there is no
 * {@code devices.allow}: a {@code BPF_PROG_TYPE_CGROUP_DEVICE} program attached to the guest's
 * cgroup that looks every device open up in a hash map of {@code major:minor} entries, the
 * {@code bpf(2)} calls that load, attach, find and update it, and the instruction encoding.
 */
package org.virtd.qemu.cgroup.bpf;
