package org.virtd.rpc.handover;

import org.virtd.rpc.program.Procedure;
import org.virtd.rpc.program.Program;
import org.virtd.rpc.xdr.Xdr;

/**
 * The HANDOVER program (0x68616e64 "hand" v1). {@link #TAKE_CLIENT} is called by virtproxyd on
 * the connection it opened to a daemon for one client, after the open and the identity: a
 * successful reply means "send it", and the next thing the proxy sends on that connection is the
 * client's socket descriptor (SCM_RIGHTS), not a packet. The daemon then serves the same session
 * on the client's own socket.
 */
public final class HandoverProgram {
    private HandoverProgram() {
    }

    public static final int ID = 0x68616e64;
    public static final int VERSION = 1;

    private static final Program.Builder P = Program.builder(ID, VERSION, "HANDOVER");

    public static final Procedure<TakeClientArgs, Void> TAKE_CLIENT =
            P.call(1, "TAKE_CLIENT", TakeClientArgs.CODEC, Xdr.VOID).add();

    public static final Program PROGRAM = P.build();
}
