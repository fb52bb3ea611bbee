package org.virtd.qemu.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.state.DomainStates;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.domain.DomainRegistry;
import org.virtd.qemu.domain.QemuXmlConf;
import org.virtd.qemu.hostnet.HostNics;
import org.virtd.qemu.process.DomainLog;
import org.virtd.qemu.process.DomainStatus;
import org.virtd.qemu.process.QemuProcess;
import org.virtd.qemu.qmp.JsonObject;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * What a daemon start does about guests (qemu-driver.md §7–8): every status file is re-attached
 * (pid really that QEMU, monitor reconnected, state synchronised with {@code query-status}, no
 * STARTED raised again); a domain whose QEMU died meanwhile becomes shut off (crashed) without an
 * event, and a transient one disappears. Then, once per host boot (the {@code autostarted}
 * marker in the run dir), the autostart domains are started.
 */
public final class Recovery {
    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private final DomainLifecycle lifecycle;

    public Recovery(DomainLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** Re-attaches every domain with a status file; returns how many are running again. */
    public int reattachAll() {
        int alive = 0;
        for (DomainStatus s : lifecycle.statusFiles().readAll()) {
            try {
                alive += reattach(s) ? 1 : 0;
            } catch (VirtException | RuntimeException e) {
                LOG.warn("cannot re-attach domain '{}': {}", s.name(), e.getMessage());
            }
        }
        return alive;
    }

    private boolean reattach(DomainStatus s) throws VirtException {
        // the status XML's driver-given aliases are not read back; they are the same when given again
        DomainDef parsed = QemuXmlConf.PARSER.parseStatus(s.domainXml(), s.name());
        DomainDef live = DeviceAliases.assign(StatusDevices.restore(parsed, s.domainXml()));
        DomainRegistry registry = lifecycle.registry();
        registry.observeId(s.id());
        lifecycle.idFile().record(s.id() + 1);
        DomainObject dom = registry.byUuid(live.uuid());
        if (dom == null) {
            dom = registry.addTransient(live);
        }
        dom.lock().lock();
        try {
            RunningDomain rd = new RunningDomain(dom, s.id(), s.monitorPath().getParent(),
                    new DomainLog(lifecycle.dirs().logFile(dom.name())), live, parsed);
            rd.starting = false;
            rd.recoveredStatus = previousStatus(s);
            rd.lastNode = lastNode(rd.recoveredStatus);
            QemuProcess p;
            try {
                p = lifecycle.launcher().reattach(s, new MonitorEvents(lifecycle, rd));
            } catch (VirtException e) {
                LOG.info("domain '{}' is gone: {}", dom.name(), e.getMessage());
                gone(dom, rd);
                return false;
            }
            rd.attach(p);
            lifecycle.cgroups().adopt(rd, s.pid());
            lifecycle.hostNics().reserve(live);
            dom.setActive(s.id(), live);
            registry.indexId(dom, -1);
            int state = DomainStates.stateOf(s.state());
            dom.setState(state, DomainStates.reasonOf(state, s.reason()));
            lifecycle.adopt(rd);
            synchronise(dom, rd);
            AgentChannels.refresh(rd, p.monitor());
            for (RunEventHook hook : lifecycle.eventHooks()) {
                try {
                    hook.onReattach(rd);
                } catch (RuntimeException e) {
                    LOG.warn("re-attaching '{}': {}", dom.name(), e.toString());
                }
            }
            lifecycle.writeStatus(rd);
            return true;
        } finally {
            dom.lock().unlock();
        }
    }

    /** The status file's text, for what others kept in it (block jobs, a backup); null when unreadable. */
    private String previousStatus(DomainStatus s) {
        try {
            return Files.readString(lifecycle.statusFiles().pathOf(s.name()));
        } catch (IOException e) {
            return null;
        }
    }

    /** The node name counter a status file kept ({@code <nodename index='N'/>}); 0 when it kept none. */
    static int lastNode(String status) {
        java.util.regex.Matcher m = status == null ? null
                : java.util.regex.Pattern.compile("\n  <nodename index='(\\d+)'/>").matcher(status);
        return m != null && m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    /** Brings our state in line with what QEMU says; finishes a shutdown that was under way. */
    private void synchronise(DomainObject dom, RunningDomain rd) {
        try {
            JsonObject st = (JsonObject) rd.process().monitor().execute("query-status", null);
            boolean running = st.bool("running", false);
            String status = st.string("status", "");
            if (dom.state() == DomainStates.SHUTDOWN || "shutdown".equals(status)) {
                rd.shutdownSeen = true;
                dom.setState(DomainStates.SHUTDOWN, 0);
                QemuProcess p = rd.process();
                lifecycle.runInBackground(() -> p.terminate(false));
            } else if (running && dom.state() == DomainStates.PAUSED) {
                dom.setState(DomainStates.RUNNING, DomainStates.RUNNING_UNPAUSED);
            } else if (!running && dom.state() == DomainStates.RUNNING) {
                dom.setState(DomainStates.PAUSED, DomainStates.PAUSED_UNKNOWN);
            }
        } catch (VirtException | ClassCastException e) {
            LOG.warn("cannot query the status of '{}': {}", dom.name(), e.getMessage());
        }
    }

    /** Found dead at start-up: shut off (crashed), no event; files cleaned; transient ones vanish. */
    private void gone(DomainObject dom, RunningDomain rd) {
        lifecycle.note(rd, "shutting down, reason=crashed");
        try {
            lifecycle.statusFiles().delete(dom.name());
        } catch (IOException e) {
            LOG.warn("cannot remove the status file of '{}': {}", dom.name(), e.getMessage());
        }
        DomainLifecycle.deleteTree(rd.domainDir());
        lifecycle.hostNics().release(rd.live());
        lifecycle.cgroups().releaseGone(rd.id(), dom.name());
        dom.setState(DomainStates.SHUTOFF, DomainStates.SHUTOFF_CRASHED);
        lifecycle.registry().removeIfTransient(dom);
    }

    /**
     * Starts the autostart domains unless the marker says this host boot already did; creates
     * the marker. Failures are logged per domain. {@code flags} are the start's (qemu.conf's
     * auto_start_bypass_cache asks for BYPASS_CACHE when a managed save image is restored).
     */
    public void autostartOnce(DomainStarter starter, int flags) {
        var marker = lifecycle.dirs().autostartMarker();
        if (Files.exists(marker)) {
            return;
        }
        try {
            Files.createDirectories(marker.getParent());
            Files.createFile(marker, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            LOG.warn("cannot create {}: {}", marker, e.getMessage());
        }
        for (DomainObject dom : lifecycle.registry().snapshot()) {
            if (dom.isAutostart() && !dom.isActive()) {
                try {
                    starter.start(dom, flags);
                } catch (VirtException e) {
                    LOG.error("Failed to autostart VM '{}': {}", dom.name(), e.getMessage());
                }
            }
        }
    }
}
