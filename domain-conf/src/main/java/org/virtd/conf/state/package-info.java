/**
 * Domain object state shared by every hypervisor driver (libvirt's virDomainObj side of
 * src/conf): states, reasons and lifecycle event numbers, the CONNECT_LIST_ALL_DOMAINS flag
 * filter and the LIVE/CONFIG modification impact, all read through the {@link
 * org.virtd.conf.state.DomainObj} view a driver's own domain object implements.
 */
package org.virtd.conf.state;
