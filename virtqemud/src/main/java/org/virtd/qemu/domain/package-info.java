/**
 * The QEMU driver's domain objects: libvirt's qemu post-parse defaults applied to a parsed
 * {@code DomainDef}, the registry of domain objects (virDomainObjList) with per-domain ownership,
 * and the persistent store under {@code <config>/qemu} (qemu-driver.md §1, §2, §8).
 */
package org.virtd.qemu.domain;
