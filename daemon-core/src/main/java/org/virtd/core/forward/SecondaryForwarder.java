package org.virtd.core.forward;

import io.netty.buffer.ByteBuf;
import org.virtd.core.server.FrameHandler;
import org.virtd.core.server.Session;
import org.virtd.rpc.remote.RemoteProgram;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A hypervisor daemon's frame handler in front of its dispatcher: calls on networks, storage,
 * secrets, node devices, nwfilters and host interfaces go unread to the daemon serving that kind
 * when its socket is in the run directory, over a connection of the client's own opened on first
 * use (libvirt's secondary connections); everything else, and every call of a kind no daemon
 * serves, goes to the dispatcher.
 */
public final class SecondaryForwarder implements FrameHandler {
    private static final int PROGRAM_OFFSET = 4;
    private static final int PROCEDURE_OFFSET = 12;
    private static final Map<Integer, SecondaryKind> KINDS = SecondaryKind.byProcedure(RemoteProgram.PROGRAM);

    private final FrameHandler local;
    private final Map<Session, SecondaryLinks> links = new ConcurrentHashMap<>();
    private volatile Path runDir;
    private volatile boolean privileged;

    public SecondaryForwarder(FrameHandler local) {
        this.local = local;
    }

    /** Where the other daemons' sockets are; until this is called every call is answered here. */
    public void start(Path runDir, boolean privileged) {
        this.privileged = privileged;
        this.runDir = runDir;
    }

    @Override
    public void frame(Session session, ByteBuf packet) {
        SecondaryKind kind = kindOf(packet);
        Path dir = runDir;
        if (kind == null || dir == null || session.connection() == null || session.isClosed()) {
            local.frame(session, packet);
            return;
        }
        SecondaryLinks mine = links.computeIfAbsent(session,
                s -> new SecondaryLinks(s, dir, privileged, p -> local.frame(s, p)));
        mine.forward(kind, packet);
    }

    private static SecondaryKind kindOf(ByteBuf packet) {
        if (packet.readableBytes() < PROCEDURE_OFFSET + 4 || packet.getInt(PROGRAM_OFFSET) != RemoteProgram.ID) {
            return null;
        }
        return KINDS.get(packet.getInt(PROCEDURE_OFFSET));
    }

    @Override
    public void writabilityChanged(Session session, boolean writable) {
        SecondaryLinks mine = links.get(session);
        if (mine != null) {
            mine.clientWritable(writable);
        }
        local.writabilityChanged(session, writable);
    }

    @Override
    public void disconnected(Session session) {
        SecondaryLinks mine = links.remove(session);
        if (mine != null) {
            mine.close();
        }
        local.disconnected(session);
    }
}
