package org.virtd.core.forward;

import org.virtd.rpc.error.VirtException;

import java.nio.file.Path;

/** Decides which daemon serves a client's CONNECT_OPEN (virtproxyd's URI → socket rules). */
@FunctionalInterface
public interface Router {

    /**
     * @param name     the URI the client asked for; empty to let the daemon probe
     * @param readOnly whether the client is read-only (its socket or its open flags)
     * @throws VirtException the error the client gets when no daemon serves that URI
     */
    Route route(String name, boolean readOnly) throws VirtException;

    /** The daemon socket to connect to and the URI to open there. */
    record Route(Path socket, String name) {
    }
}
