/**
 * The running half of the QEMU driver (qemu-driver.md §5–8): starting a domain's QEMU from its
 * definition, the state machine QMP events drive (libvirt's qemuProcessHandle* rules), the
 * lifecycle events raised on the way, stopping and cleaning up, status files, re-attaching to
 * QEMUs that outlived a daemon restart, and autostart once per host boot.
 */
package org.virtd.qemu.lifecycle;
