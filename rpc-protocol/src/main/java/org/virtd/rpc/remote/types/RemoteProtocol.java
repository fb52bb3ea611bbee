package org.virtd.rpc.remote.types;

/**
 * remote_protocol.x's program identity ({@code REMOTE_PROGRAM}, {@code REMOTE_PROTOCOL_VERSION}),
 * kept beside the types as the .x file keeps it: the event declarations name their MESSAGE
 * procedures with it, and {@code RemoteProgram} builds its table with it.
 */
public final class RemoteProtocol {
    private RemoteProtocol() {
    }

    public static final int PROGRAM = 0x20008086;
    public static final int VERSION = 1;
    /** The program's name in our tables and messages. */
    public static final String NAME = "REMOTE";
}
