/**
 * Where a daemon's RPC side is put together: the main and admin servers, their listeners and
 * event loops ({@link org.virtd.core.assembly.RpcDaemon}), and the start-up warm-up. Only
 * {@code core.daemon} sits above it.
 */
package org.virtd.core.assembly;
