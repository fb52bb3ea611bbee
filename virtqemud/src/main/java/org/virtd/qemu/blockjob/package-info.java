/**
 * Block jobs on a running guest's disks (libvirt's qemu_blockjob.c with -blockdev): commit,
 * pull, copy with pivot; their progress, speed and abort; the QMP job states they follow
 * ({@code JOB_STATUS_CHANGE}), the chain and {@code <mirror>} changes they make to the live
 * definition (and to the persistent one where libvirt makes them), the BLOCK_JOB and
 * BLOCK_JOB_2 events, and their record beside the status file so a daemon restart finds them.
 */
package org.virtd.qemu.blockjob;
