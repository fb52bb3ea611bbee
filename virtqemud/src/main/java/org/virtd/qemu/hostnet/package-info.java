/**
 * The host side of guest NICs (libvirt's virnetdev, virnetdevtap and virnetdevbridge, and
 * qemu_interface.c): tap devices created and named as libvirt names them, their MAC, MTU and
 * link brought into the state QEMU expects, bridge ports, and the counters
 * virDomainInterfaceStats reads from the host side of a tap.
 */
package org.virtd.qemu.hostnet;
