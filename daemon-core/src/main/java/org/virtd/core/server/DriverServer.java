package org.virtd.core.server;

import org.virtd.core.driver.Driver;
import org.virtd.core.driver.DriverContext;
import org.virtd.core.driver.EventSink;
import org.virtd.core.event.EventRegistry;
import org.virtd.rpc.handover.HandoverProgram;
import org.virtd.rpc.lxc.LxcProgram;
import org.virtd.rpc.qemu.QemuProgram;
import org.virtd.rpc.remote.DomainEvents;
import org.virtd.rpc.remote.RemoteProgram;

import java.util.List;

/**
 * The main server of a hypervisor daemon: the dispatcher over the REMOTE, QEMU and LXC programs,
 * the procedures the daemon answers itself (open, features, identity, event registration) and
 * the driver's handlers (a driver binds its own programs' event registrations, as the QEMU
 * driver does for monitor events), with the event registry its domain events go through.
 */
final class DriverServer implements MainServer {
    private final Driver driver;
    private final EventRegistry events = new EventRegistry(DomainEvents.all().size());

    DriverServer(Driver driver) {
        this.driver = driver;
    }

    @Override
    public FrameHandler install(RpcServer server) {
        return new Dispatcher(server, events, true,
                List.of(RemoteProgram.PROGRAM, QemuProgram.PROGRAM, LxcProgram.PROGRAM, HandoverProgram.PROGRAM),
                table -> {
                    new ConnectHandlers(driver, events).bind(table);
                    HandoverHandlers.bind(table);
                    driver.bind(table);
                }, true);
    }

    @Override
    public EventSink events() {
        return events;
    }

    @Override
    public void start(DriverContext context) throws Exception {
        driver.start(context);
    }

    @Override
    public String reload() {
        return driver.reload();
    }

    @Override
    public void shutdown() {
        driver.shutdown();
    }
}
