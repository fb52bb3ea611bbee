package org.virtd.qemu.console;

import java.nio.ByteBuffer;

/**
 * The guest side of a stream to a character device (a pty, a UNIX socket): bounded reads so a
 * session can be ended from another thread, writes with a patience limit.
 */
interface CharEndpoint extends AutoCloseable {

    /** What a read saw. */
    enum Status { DATA, IDLE, EOF }

    String path();

    /** Waits up to {@code timeoutMillis} for data and reads what is there into {@code out}. */
    Status read(ByteBuffer out, int timeoutMillis);

    /** Writes all of {@code data}, waiting for room at most {@code patienceMillis} in total. */
    boolean write(ByteBuffer data, int patienceMillis);

    @Override
    void close();
}
