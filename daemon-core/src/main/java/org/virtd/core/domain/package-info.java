/**
 * The hypervisor-neutral domain definition (libvirt's virDomainDef, qemu-driver.md §2): immutable
 * records, a hardened parser from domain XML and the formatter that prints it the way
 * {@code virsh dumpxml} shows it. A leaf package: no Netty, no other core package.
 */
package org.virtd.core.domain;
