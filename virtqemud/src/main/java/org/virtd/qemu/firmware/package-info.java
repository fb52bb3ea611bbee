/**
 * Guest firmware: QEMU's firmware descriptors, the choice libvirt makes among them for
 * {@code <os firmware='efi'>} (or for a bare UEFI {@code <loader>}), and the per-guest NVRAM
 * variable store copied from the chosen template.
 */
package org.virtd.qemu.firmware;
