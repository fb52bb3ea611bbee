/**
 * The QEMU guest agent (libvirt's qemu_agent.c): the connection to the agent channel's unix
 * socket with its sync handshake and per-command timeouts, and the typed agent commands the
 * driver's guest calls are made of (time, hostname, interfaces, file systems, guest info,
 * passwords, vCPUs, shutdown).
 */
package org.virtd.qemu.agent;
