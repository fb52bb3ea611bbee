/**
 * The forwarding main server (virtproxyd): a client's calls before CONNECT_OPEN are answered
 * here, the open is routed to the daemon that serves the URI, and from then on packets pass both
 * ways with only their header looked at — bodies are neither decoded nor copied.
 */
package org.virtd.core.forward;
