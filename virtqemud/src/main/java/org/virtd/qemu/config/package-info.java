/**
 * The QEMU driver's own configuration file, {@code qemu.conf}: its keys with libvirt's types and
 * defaults, checked when read so a bad value stops start-up with the file, line and key.
 */
package org.virtd.qemu.config;
