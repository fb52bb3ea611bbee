/** Argument and return records of the ADMIN program (admin_protocol.x), each with its XDR {@code CODEC}. */
package org.virtd.rpc.admin.types;
