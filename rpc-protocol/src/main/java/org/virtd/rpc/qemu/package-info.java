/** The QEMU program's declarations (qemu_protocol.x); records in {@code types}. */
package org.virtd.rpc.qemu;
