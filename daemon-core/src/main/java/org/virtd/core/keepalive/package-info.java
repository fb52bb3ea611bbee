/** Keepalive: answering PINGs, and pinging then dropping silent clients that asked for it. */
package org.virtd.core.keepalive;
