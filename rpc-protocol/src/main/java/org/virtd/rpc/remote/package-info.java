/**
 * The REMOTE program (remote_protocol.x): {@link org.virtd.rpc.remote.RemoteProgram}, its
 * procedure declarations, and {@link org.virtd.rpc.remote.DomainEvents}, the event-id table.
 */
package org.virtd.rpc.remote;
