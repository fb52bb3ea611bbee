/**
 * Domain capabilities (virsh domcapabilities): what one emulator, machine and virtualisation
 * type let a guest use, derived from the probe's facts, libvirt's CPU map and the host (firmware
 * descriptors, VFIO, swtpm), and written as libvirt 9.0 writes it.
 */
package org.virtd.qemu.domcaps;
