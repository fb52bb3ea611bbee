/**
 * Checkpoints of a running guest's qcow2 disks (libvirt's qemu_checkpoint.c): each one a
 * persistent dirty bitmap per disk added in one QMP transaction, its metadata file under the
 * state directory, the parent links between them, redefine, the bitmaps' dirty sizes, and delete
 * with or without descendants.
 */
package org.virtd.qemu.checkpoint;
