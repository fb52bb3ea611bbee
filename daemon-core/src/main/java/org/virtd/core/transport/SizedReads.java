package org.virtd.core.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.AdaptiveRecvByteBufAllocator;
import io.netty.channel.ChannelConfig;
import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.epoll.EpollDomainSocketChannelConfig;
import io.netty.channel.unix.DomainSocketReadMode;
import io.netty.util.UncheckedBooleanSupplier;

import java.util.function.IntSupplier;

/**
 * Reads of a UNIX socket that never go past the end of the packet being read. Descriptors a
 * peer passes after a packet (CALL_WITH_FDS, REPLY_WITH_FDS) each ride on one byte of their
 * own; a plain read that reached such a byte would take it and the kernel would discard the
 * descriptor, so bytes are read only up to the packet's end (as libvirt does), and not at all
 * while descriptors are due ({@code nextRead} answers 0; {@link FdReceiver} reads them).
 */
final class SizedReads implements RecvByteBufAllocator {
    /** Reads per wake-up: a packet's head and body, or a few small packets. */
    private static final int READS_PER_WAKEUP = 4;
    /** No single read larger than this, whatever the packet's size. */
    static final int MAX_READ = 64 * 1024;

    private final IntSupplier nextRead;

    /** @param nextRead bytes the next read may take (0: none now) */
    SizedReads(IntSupplier nextRead) {
        this.nextRead = nextRead;
    }

    @Override
    public Handle newHandle() {
        return new Sized((ExtendedHandle) new AdaptiveRecvByteBufAllocator().maxMessagesPerRead(READS_PER_WAKEUP)
                .newHandle());
    }

    private final class Sized implements ExtendedHandle {
        private final ExtendedHandle counts;
        /** This read loop takes descriptors, one per wake-up: after it, bytes may follow at once. */
        private boolean takingFds;
        private ChannelConfig config;

        Sized(ExtendedHandle counts) {
            this.counts = counts;
        }

        @Override
        public ByteBuf allocate(ByteBufAllocator alloc) {
            return alloc.ioBuffer(guess(), guess());
        }

        @Override
        public int guess() {
            return Math.min(Math.max(nextRead.getAsInt(), 0), MAX_READ);
        }

        @Override
        public boolean continueReading(UncheckedBooleanSupplier maybeMoreDataSupplier) {
            return mayReadMoreBytes() && counts.continueReading(maybeMoreDataSupplier);
        }

        @Override
        public boolean continueReading() {
            return mayReadMoreBytes() && counts.continueReading();
        }

        @Override
        public void reset(ChannelConfig config) {
            this.config = config;
            takingFds = readingFds();
            counts.reset(config);
        }

        /**
         * A byte loop stops as soon as a packet wants descriptors or the channel was switched to
         * reading them (a handover): the next wake-up reads in the new mode.
         */
        private boolean mayReadMoreBytes() {
            return !takingFds && !readingFds() && nextRead.getAsInt() > 0;
        }

        private boolean readingFds() {
            return config instanceof EpollDomainSocketChannelConfig unix
                    && unix.getReadMode() == DomainSocketReadMode.FILE_DESCRIPTORS;
        }

        @Override
        public void incMessagesRead(int numMessages) {
            counts.incMessagesRead(numMessages);
        }

        @Override
        public void lastBytesRead(int bytes) {
            counts.lastBytesRead(bytes);
        }

        @Override
        public int lastBytesRead() {
            return counts.lastBytesRead();
        }

        @Override
        public void attemptedBytesRead(int bytes) {
            counts.attemptedBytesRead(bytes);
        }

        @Override
        public int attemptedBytesRead() {
            return counts.attemptedBytesRead();
        }

        @Override
        public void readComplete() {
            counts.readComplete();
        }
    }
}
