package org.virtd.vbox.driver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.secondary.SecondaryDriverHandlers;
import org.virtd.core.driver.Driver;
import org.virtd.core.driver.LocalUris;
import org.virtd.core.driver.DriverConnection;
import org.virtd.core.driver.DriverContext;
import org.virtd.core.driver.HandlerTable;
import org.virtd.core.driver.OpenRequest;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.vbox.manage.ManageLocator;
import org.virtd.vbox.manage.Output;
import org.virtd.vbox.manage.VBoxManage;
import org.virtd.vbox.manage.VBoxVersion;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The VirtualBox driver as virtvboxd hosts it (issue 12): serves {@code vbox:///session} or
 * {@code vbox:///system}, finds VBoxManage and checks its version at every open (libvirt's
 * "unable to initialize VirtualBox driver API" when it is absent or unusable; the daemon keeps
 * serving), and binds the handlers grouped by concept.
 */
public final class VBoxDriver implements Driver {
    /** vbox:///system for root, vbox:///session otherwise (vbox-driver.md §1). */
    private static final LocalUris URIS = new LocalUris("vbox", ErrorDomain.VBOX, false);
    private static final Logger LOG = LoggerFactory.getLogger(VBoxDriver.class);
    static final String INIT_FAILED = "unable to initialize VirtualBox driver API";

    private volatile DriverContext context;
    private volatile Machines machines;
    private volatile VBoxVersion version;
    private volatile RunningWatch watch;

    @Override
    public String name() {
        return "VBOX";
    }

    @Override
    public boolean accepts(String uri) {
        return URIS.accepts(uri);
    }

    @Override
    public void start(DriverContext ctx) {
        this.context = ctx;
        RunningWatch w = new RunningWatch(this::machines, ctx.events(), RunningWatch.INTERVAL);
        this.watch = w;
        ctx.events().observeListeners(w::listeners);
    }

    @Override
    public void shutdown() {
        RunningWatch w = watch;
        if (w != null) {
            w.shutdown();
        }
    }

    @Override
    public DriverConnection open(OpenRequest request) throws VirtException {
        Machines m = connect();
        String uri = URIS.canonical(request.uri(), privileged());
        return new VBoxConnection(uri, request.readOnly(), versionOf(m));
    }

    @Override
    public void bind(HandlerTable table) {
        new HostHandlers(this::machines, () -> version).bind(table);
        new DomainConfigHandlers(this::machines).bind(table);
        new DomainInfoHandlers(this::machines).bind(table);
        new DomainTuningHandlers(this::machines).bind(table);
        new SnapshotHandlers(this::machines).bind(table);
        OnlineNotes notes = (uuid, name, online) -> {
            RunningWatch w = watch;
            if (w != null) {
                w.note(uuid, name, online);
            }
        };
        new DomainLifecycleHandlers(this::machines, new DomainConfigHandlers(this::machines), notes).bind(table);
        new SecondaryDriverHandlers().bind(table);
    }

    /** The machines of the VirtualBox found at the last open. */
    Machines machines() throws VirtException {
        Machines m = machines;
        if (m == null) {
            throw initFailed();
        }
        return m;
    }

    /** Finds VBoxManage and checks it answers its version; reuses the gateway while the path stays. */
    synchronized Machines connect() throws VirtException {
        Optional<Path> exe = ManageLocator.find(VBoxConf.vboxManage(configDir()), System.getenv("PATH"),
                System.getenv("VBOX_APP_HOME"));
        if (exe.isEmpty()) {
            LOG.warn("VBoxManage not found in vbox.conf's vbox_manage, $PATH or VirtualBox's install directories");
            throw initFailed();
        }
        Machines m = machines;
        if (m == null || !m.manage().executable().equals(exe.get())) {
            m = new Machines(new VBoxManage(exe.get()));
        }
        versionOf(m);
        machines = m;
        return m;
    }

    private VBoxVersion versionOf(Machines m) throws VirtException {
        Output out = m.manage().run(List.of("--version"));
        VBoxVersion v = out.ok() ? VBoxVersion.parse(out.stdout()) : null;
        if (v == null) {
            LOG.warn("{} --version failed (exit {}): {}", m.manage().executable(), out.exit(), out.stderr().strip());
            throw initFailed();
        }
        version = v;
        return v;
    }

    private static VirtException initFailed() {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.VBOX, INIT_FAILED);
    }

    private Path configDir() {
        DriverContext ctx = context;
        return ctx == null ? null : ctx.configDir();
    }

    /** A system daemon (root) serves vbox:///system. */
    boolean privileged() {
        DriverContext ctx = context;
        return ctx != null ? ctx.privileged() : "root".equals(System.getProperty("user.name"));
    }
}
