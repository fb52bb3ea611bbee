/**
 * The argument, return and event-body records of the REMOTE program, each with its XDR
 * {@code CODEC} composed in wire order (remote_protocol.x structures as procedures.md and
 * wire-protocol.md §4 describe them). Single-field bodies use plain codecs instead of a record.
 * The domain events are declared here too ({@link org.virtd.rpc.remote.types.DomainEventKind}),
 * so the types never depend on the program that uses them.
 */
package org.virtd.rpc.remote.types;
