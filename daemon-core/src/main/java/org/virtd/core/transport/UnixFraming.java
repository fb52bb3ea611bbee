package org.virtd.core.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.unix.FileDescriptor;
import org.virtd.core.driver.PassedFd;

import java.util.List;

/**
 * The framing of a UNIX socket connection: packets as {@link FrameDecoder} cuts them, the
 * descriptors some carry ({@link FdReceiver}), and reads that stop at each packet's end
 * ({@link SizedReads}) so no descriptor is lost to a byte read. TCP and TLS use the decoder alone.
 */
public final class UnixFraming {

    private UnixFraming() {
    }

    /** Adds "frames" and "fds" to the pipeline of {@code ch}, before its first read. */
    public static void install(Channel ch) {
        FrameDecoder frames = new FrameDecoder();
        FdReceiver fds = new FdReceiver();
        ch.config().setRecvByteBufAllocator(new SizedReads(() -> fds.receiving() ? 0 : frames.bytesToPacketEnd()));
        ch.pipeline().addLast("frames", frames).addLast("fds", fds);
    }

    /**
     * Queues {@code packet}, then each descriptor as SCM_RIGHTS on a byte of its own, and closes
     * the descriptors' owners once the last has been sent (or the connection failed).
     */
    public static void writeWithFds(Channel ch, ByteBuf packet, List<PassedFd> fds) {
        ch.write(packet, ch.voidPromise());
        ChannelFuture last = null;
        for (PassedFd f : fds) {
            last = ch.write(new FileDescriptor(f.fd()));
        }
        ch.flush();
        if (last == null) {
            PassedFd.closeAll(fds);
        } else {
            last.addListener(done -> PassedFd.closeAll(fds));
        }
    }
}
