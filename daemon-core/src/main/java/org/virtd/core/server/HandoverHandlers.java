package org.virtd.core.server;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.handover.HandoverProgram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.virtd.core.server.BoundHandlers.Mode.INLINE;

/**
 * The daemon's half of a handover ({@link HandoverProgram}): virtproxyd, having opened this
 * connection for one client, asks the daemon to serve that session on the client's own socket.
 * Only a caller running as root or as the daemon's own user may ask: it is the proxy, which
 * already decides who this session is (CONNECT_SET_IDENTITY). The session keeps everything
 * (open connection, identity, read-only flag, callbacks); only its transport changes.
 */
final class HandoverHandlers {
    private static final long OWN_UID = ownUid();

    private HandoverHandlers() {
    }

    static void bind(BoundHandlers t) {
        t.core(HandoverProgram.TAKE_CLIENT, INLINE, (c, args) -> {
            Session s = c.session();
            long caller = s.peer().identity().uid();
            if (caller != 0 && caller != OWN_UID) {
                throw new VirtException(ErrorCode.OPERATION_DENIED, ErrorDomain.RPC,
                        "only virtproxyd may hand a client over");
            }
            if (!s.peer().canPassFds()) {
                throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.RPC,
                        "this connection cannot carry a client's socket");
            }
            // the reply must leave on the old connection before anything is held for the new one
            c.afterReply(() -> {
                if (s.peer().awaitHandover(args.unread()) && args.keepalive()) {
                    s.keepalive().start();
                }
            });
            return null;
        });
    }

    /** The daemon's effective uid: the owner of /proc/self. */
    private static long ownUid() {
        try {
            return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:uid")).longValue();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
