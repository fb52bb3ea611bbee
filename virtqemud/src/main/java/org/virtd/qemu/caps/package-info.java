/**
 * What the installed QEMU emulators can do (libvirt's qemu_capabilities.c, qemu-driver.md §9):
 * probing a {@code qemu-system-*} binary over QMP, the per-binary cache that makes a warm start
 * free, KVM availability, and the host capabilities the driver turns into capabilities XML,
 * including machine-type alias resolution.
 */
package org.virtd.qemu.caps;
