/**
 * Domain snapshots as libvirt's QEMU driver keeps them: the {@code <domainsnapshot>} document,
 * one metadata file per snapshot under the domain's snapshot directory, the per-domain tree with
 * its current snapshot, and the create/revert/delete operations over qemu-img and the monitor.
 */
package org.virtd.qemu.snapshot;
