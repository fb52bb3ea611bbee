package org.virtd.qemu.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.core.driver.StreamChannel;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtError;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One open console: a reader thread copies what the guest prints from the pty to the stream
 * (STREAM CONTINUE packets), waiting in {@code send} while the client is slow to read, so that
 * the output backs up in the pty rather than in the daemon; what the client types is written to
 * the pty. It ends when the
 * client finishes or aborts, when the pty reports EOF/hang-up or the guest stops (EOF to the
 * client: an empty CONTINUE), or when another client takes the console over with FORCE.
 */
final class ConsoleSession {
    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSession.class);
    private static final int CHUNK = 64 * 1024;
    private static final int POLL_MILLIS = 200;
    private static final int WRITE_PATIENCE_MILLIS = 1000;

    private final CharEndpoint pty;
    private final StreamChannel stream;
    private final Runnable onEnd;
    private final AtomicBoolean ended = new AtomicBoolean();
    private final Thread reader;

    ConsoleSession(String name, CharEndpoint pty, StreamChannel stream, Runnable onEnd) {
        this.pty = pty;
        this.stream = stream;
        this.onEnd = onEnd;
        this.reader = new Thread(this::pump, "console-" + name);
        this.reader.setDaemon(true);
    }

    void start() {
        stream.onReceive(new StreamChannel.Sink() {
            @Override
            public void data(ByteBuffer data) {
                if (!ended.get() && !pty.write(data, WRITE_PATIENCE_MILLIS)) {
                    LOG.debug("console input dropped on {}", pty.path());
                }
            }

            @Override
            public void closed(boolean aborted) {
                end(false);
            }
        });
        reader.start();
    }

    private void pump() {
        ByteBuffer buf = ByteBuffer.allocate(CHUNK);
        while (!ended.get()) {
            buf.clear();
            CharEndpoint.Status s = pty.read(buf, POLL_MILLIS);
            if (s == CharEndpoint.Status.DATA) {
                buf.flip();
                if (!stream.send(buf)) {
                    end(false);
                }
            } else if (s == CharEndpoint.Status.EOF) {
                end(true);
            }
        }
    }

    /** Ends the session; {@code eofToClient} sends the client EOF (guest gone). */
    void end(boolean eofToClient) {
        end(eofToClient, null);
    }

    /** Ends the session for another client that forced its way in: this one's stream fails, as libvirtd's does. */
    void takenOver() {
        end(true, new VirtError(ErrorCode.RPC, ErrorDomain.STREAMS, "stream had I/O failure"));
    }

    private void end(boolean tellClient, VirtError error) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        if (tellClient) {
            stream.finish(error);
        }
        stream.onReceive(null);
        pty.close();
        onEnd.run();
    }
}
