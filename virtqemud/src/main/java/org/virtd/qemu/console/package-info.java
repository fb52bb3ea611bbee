/**
 * Guest consoles (virDomainOpenConsole, wire-protocol.md §10): a domain's serial pty bridged
 * both ways to an RPC stream, one session per device, ended with EOF when the guest stops.
 */
package org.virtd.qemu.console;
