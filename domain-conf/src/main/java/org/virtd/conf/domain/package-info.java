/**
 * The hypervisor-neutral domain definition (libvirt's virDomainDef, qemu-driver.md §2): immutable
 * records, a hardened parser from domain XML, the schema check and the formatter that prints it
 * the way {@code virsh dumpxml} shows it. What differs per hypervisor (MAC prefix, parser
 * defaults, namespaces) arrives in a driver's {@link org.virtd.conf.domain.DomainXmlOptions}.
 * A leaf package: it sees only the protocol's error types.
 */
package org.virtd.conf.domain;
