package org.virtd.core.daemon;

import org.virtd.core.driver.Driver;
import org.virtd.core.driver.DriverConnection;
import org.virtd.core.driver.HandlerTable;
import org.virtd.core.driver.OpenRequest;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

/**
 * A driver that accepts no URI, for daemons whose real driver is not written yet: their command
 * line, config, sockets and life cycle work, and every CONNECT_OPEN is refused with
 * "no connection driver available for URI".
 */
public final class PlaceholderDriver implements Driver {
    private final String name;

    public PlaceholderDriver(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean accepts(String uri) {
        return false;
    }

    @Override
    public DriverConnection open(OpenRequest request) throws VirtException {
        throw new VirtException(ErrorCode.NO_CONNECT, ErrorDomain.NONE, String.valueOf(request.uri()));
    }

    @Override
    public void bind(HandlerTable table) {
    }
}
