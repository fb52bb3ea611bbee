/** Packet framing: the header, message types and statuses, size limits, packet assembly. */
package org.virtd.rpc.message;
