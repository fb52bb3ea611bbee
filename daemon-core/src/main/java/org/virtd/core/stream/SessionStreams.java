package org.virtd.core.stream;

import io.netty.buffer.ByteBuf;
import org.virtd.core.peer.Outbound;
import org.virtd.rpc.message.Header;
import org.virtd.rpc.message.MessageStatus;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open streams of one session, by the serial of the call that opened them. STREAM packets
 * for a serial with no stream are dropped, as libvirt does.
 */
public final class SessionStreams {
    private final Outbound session;
    private final Map<Integer, ServerStream> bySerial = new ConcurrentHashMap<>();

    public SessionStreams(Outbound session) {
        this.session = session;
    }

    /** A stream call is about to run: its stream exists (held back) before the handler sees it. */
    public ServerStream open(Header call) {
        ServerStream s = new ServerStream(session, this, call);
        ServerStream old = bySerial.put(call.serial(), s);
        if (old != null) {
            old.abort();
        }
        return s;
    }

    /** The handler failed: the stream never existed for the client. */
    public void discard(ServerStream s) {
        bySerial.remove(s.call().serial(), s);
        s.abort();
    }

    void remove(ServerStream s) {
        bySerial.remove(s.call().serial(), s);
    }

    /** A STREAM packet from the client; takes ownership of the payload. */
    public void incoming(Header h, ByteBuf payload) {
        try {
            ServerStream s = bySerial.get(h.serial());
            if (s == null) {
                return;
            }
            MessageStatus status = h.messageStatus();
            if (status == MessageStatus.CONTINUE) {
                s.data(payload);
            } else if (status == MessageStatus.OK || status == MessageStatus.ERROR) {
                bySerial.remove(h.serial(), s);
                s.clientClosed(status == MessageStatus.ERROR);
            }
        } finally {
            payload.release();
        }
    }

    /** The connection can take more: wake producers waiting in {@link ServerStream#send}. */
    public void writable() {
        bySerial.values().forEach(ServerStream::wakeProducers);
    }

    public void abortAll() {
        bySerial.values().forEach(ServerStream::abort);
        bySerial.clear();
    }
}
