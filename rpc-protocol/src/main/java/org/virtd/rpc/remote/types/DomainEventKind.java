package org.virtd.rpc.remote.types;

import org.virtd.rpc.program.Procedure;

/**
 * One {@code VIR_DOMAIN_EVENT_ID_*}: its number and the two MESSAGE procedures that carry it,
 * the modern one whose body is {@code int callbackID} followed by the event body, and the
 * legacy one (null where libvirt has none) whose body is the event body alone.
 */
public record DomainEventKind<B extends DomainEventBody>(
        int eventId,
        Procedure<CallbackEvent<B>, Void> callbackMessage,
        Procedure<B, Void> legacyMessage) {
}
