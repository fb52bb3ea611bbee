/**
 * Calls from one daemon to another over a local socket, as libvirt's daemons make them (the
 * QEMU driver asking the network daemon for a port): a small blocking client of the remote
 * program, with a deadline on every call. It sees only rpc-protocol.
 */
package org.virtd.core.client;
