/**
 * Disk images as the driver sees them outside QEMU: what an image's header says about the image
 * below it (format, backing file), and the backing chain of a disk followed from image to image
 * as libvirt detects it when a guest starts.
 */
package org.virtd.qemu.storage;
