/**
 * Running QEMU for a domain (libvirt's qemu_command.c and qemu_process.c, qemu-driver.md §4, §7):
 * the launch spec a domain definition is mapped to, the command line built from it, the launcher
 * that starts QEMU detached with its per-domain log and brings it to running over QMP, the
 * status file that lets a restarted daemon find its guests again, and the check that a pid
 * really is the QEMU it claims to be.
 */
package org.virtd.qemu.process;
