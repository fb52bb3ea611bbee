package org.virtd.rpc.keepalive;

import org.virtd.rpc.program.Procedure;
import org.virtd.rpc.program.Program;
import org.virtd.rpc.xdr.Xdr;

/**
 * The KEEPALIVE program (0x6b656570 "keep" v1, virkeepaliveprotocol.x, wire-protocol.md §8):
 * two empty MESSAGE packets with serial 0. The receiver of a PING answers PONG at once.
 */
public final class KeepaliveProgram {
    private KeepaliveProgram() {
    }

    public static final int ID = 0x6b656570;
    public static final int VERSION = 1;

    private static final Program.Builder P = Program.builder(ID, VERSION, "KEEPALIVE");

    public static final Procedure<Void, Void> PING = P.message(1, "PING", Xdr.VOID).add();
    public static final Procedure<Void, Void> PONG = P.message(2, "PONG", Xdr.VOID).add();

    public static final Program PROGRAM = P.build();
}
