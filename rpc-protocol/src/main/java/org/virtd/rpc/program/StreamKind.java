package org.virtd.rpc.program;

/** Whether a call opens a stream on its serial ({@code @readstream}/{@code @writestream}), and which way data flows. */
public enum StreamKind {
    NONE,
    /** Server to client (screenshot, download). */
    READ,
    /** Client to server (upload). */
    WRITE,
    /** Both ways (console). */
    BOTH
}
