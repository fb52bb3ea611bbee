package org.virtd.rpc.program;

/** A procedure number names either a call (CALL → REPLY) or an asynchronous message (events, keepalive). */
public enum ProcedureKind {
    CALL,
    MESSAGE
}
