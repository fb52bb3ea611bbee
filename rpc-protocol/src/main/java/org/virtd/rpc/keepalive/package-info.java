/** The KEEPALIVE program's declarations (virkeepaliveprotocol.x). */
package org.virtd.rpc.keepalive;
