/**
 * How a guest's QEMU is confined (libvirt's security drivers): the account it runs as, the files
 * chowned to that account while it runs and given back afterwards, its private {@code /dev}, and
 * the wrapper commands that apply all this between fork and exec.
 */
package org.virtd.qemu.security;
