/**
 * systemd-machined, as libvirt's QEMU driver uses it when the system bus has it: whether it is
 * there (asked once), registering a guest's QEMU as a machine (which makes its scope unit and
 * cgroup), the scope unit of a running QEMU, and terminating the machine when the guest stops.
 */
package org.virtd.qemu.machined;
