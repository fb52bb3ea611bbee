/** Argument and message records of the QEMU program, each with its XDR {@code CODEC}. */
package org.virtd.rpc.qemu.types;
