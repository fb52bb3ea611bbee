package org.virtd.core.testing;

import org.virtd.core.driver.Driver;
import org.virtd.core.driver.DriverConnection;
import org.virtd.core.driver.HandlerTable;
import org.virtd.core.driver.OpenRequest;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainList;

import java.util.List;

/** A driver with a handful of harmless handlers, for server tests that need no hypervisor. */
public final class FakeDriver implements Driver {
    public static final long VERSION = 1_002_003L;

    private final java.util.function.Consumer<HandlerTable> extra;

    public FakeDriver() {
        this(t -> { });
    }

    /** The harmless handlers plus those {@code extra} binds (a stream procedure, say). */
    public FakeDriver(java.util.function.Consumer<HandlerTable> extra) {
        this.extra = extra;
    }

    @Override
    public String name() {
        return "FAKE";
    }

    @Override
    public boolean accepts(String uri) {
        return uri == null || uri.isEmpty() || uri.startsWith("fake:");
    }

    @Override
    public DriverConnection open(OpenRequest request) {
        return () -> "fake:///system";
    }

    @Override
    public void bind(HandlerTable table) {
        table.on(RemoteProgram.CONNECT_GET_VERSION, (c, a) -> VERSION);
        table.on(RemoteProgram.CONNECT_GET_HOSTNAME, (c, a) -> "fakehost");
        table.on(RemoteProgram.CONNECT_LIST_ALL_DOMAINS, (c, a) -> new DomainList(List.of(), 0));
        extra.accept(table);
    }
}
