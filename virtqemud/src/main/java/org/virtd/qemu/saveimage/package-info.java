/**
 * libvirt's QEMU save image as files on disk: the fixed header (magic, version 2, data length,
 * was-running, compression format, cookie offset), the domain XML and save cookie with their
 * padding, then QEMU's migration stream, raw or piped through an external compressor
 * ({@link org.virtd.qemu.config.ImageFormat}). Knows
 * nothing of running domains; the lifecycle package writes and feeds the stream.
 */
package org.virtd.qemu.saveimage;
