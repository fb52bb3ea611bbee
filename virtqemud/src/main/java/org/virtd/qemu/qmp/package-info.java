/**
 * The QEMU Machine Protocol client (libvirt's qemu_monitor.c / qemu_monitor_json.c, qemu-driver.md §5):
 * a small bounded JSON value type, the monitor connection with its greeting and capabilities
 * handshake, commands with ids and timeouts, asynchronous events, and the QMP error table.
 */
package org.virtd.qemu.qmp;
