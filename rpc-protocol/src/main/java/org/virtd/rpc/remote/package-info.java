/**
 * The REMOTE program (remote_protocol.x): {@link org.virtd.rpc.remote.RemoteProgram}, its
 * procedure declarations, {@link org.virtd.rpc.remote.DomainEvents}, the event-id table, and
 * {@link org.virtd.rpc.remote.DomainFlags}, the flag bits of the domain API read in more than one place.
 */
package org.virtd.rpc.remote;
