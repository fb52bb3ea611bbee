/**
 * Issue 5's acceptance: real virsh, python-libvirt and QEMU (TCG) running the tiny test guest of
 * shared/guest against a real virtqemud: start, suspend/resume, shutdown, reboot, reset,
 * destroy, transient create, monitor passthrough, console in a pty, lifecycle events with
 * libvirt's numbers, and guests that survive a daemon SIGKILL.
 */
package org.virtd.it.qemu.lifecycle;
