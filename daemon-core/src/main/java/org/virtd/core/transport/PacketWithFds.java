package org.virtd.core.transport;

import io.netty.buffer.ByteBuf;
import org.virtd.core.driver.PassedFd;

import java.util.List;

/**
 * A packet announced as carrying descriptors, with those that followed it on the socket. The
 * receiver owns both: it releases the packet and closes every descriptor it does not keep.
 */
public record PacketWithFds(ByteBuf packet, List<PassedFd> fds) {
}
