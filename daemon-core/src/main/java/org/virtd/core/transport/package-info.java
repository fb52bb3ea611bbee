/** Netty's side of the daemon: event loops, listeners, framing and the channel-to-session adapter. */
package org.virtd.core.transport;
