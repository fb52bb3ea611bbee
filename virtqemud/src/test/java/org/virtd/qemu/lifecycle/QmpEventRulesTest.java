package org.virtd.qemu.lifecycle;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.conf.domain.DomainDef;
import org.virtd.conf.state.DomainStates;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.domain.DomainRegistry;
import org.virtd.qemu.domain.DomainStore;
import org.virtd.qemu.domain.QemuXmlConf;
import org.virtd.qemu.process.DomainLog;
import org.virtd.qemu.qmp.JsonParser;
import org.virtd.qemu.qmp.QmpEvent;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.BalloonChangeEvent;
import org.virtd.rpc.remote.types.DeviceRemovalFailedEvent;
import org.virtd.rpc.remote.types.DomainEventBody;
import org.virtd.rpc.remote.types.LifecycleEvent;
import org.virtd.rpc.remote.types.RebootEvent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The QMP event rules against qemu-driver.md §6 ("Events and states per situation"): each test
 * feeds the QMP events QEMU sends in one situation and checks the lifecycle events (as
 * {@code (type,detail)} pairs, {@code reboot}, {@code balloon N}), the final state/reason and
 * what was asked of the process. No QEMU: the run's effects are recorded by {@link FakeRun}.
 */
class QmpEventRulesTest {
    private static final String GUEST_OFF = "{\"guest\":true,\"reason\":\"guest-shutdown\"}";
    private static final String GUEST_RESET = "{\"guest\":true,\"reason\":\"guest-reset\"}";
    private static final String HOST_SIGNAL = "{\"guest\":false,\"reason\":\"host-signal\"}";

    @TempDir
    Path dir;

    private DomainObject dom;
    private RunningDomain rd;
    private FakeRun run;
    private QmpEventRules rules;

    /** A running domain (1/1 booted) with these lifecycle actions; the test holds its lock. */
    private void running(String onPoweroff, String onReboot, String onCrash) throws VirtException {
        String xml = "<domain type='qemu'><name>rules</name><uuid>c7a5fdbd-cdaf-9455-926a-d65c16db1809</uuid>"
                + "<memory unit='MiB'>128</memory><vcpu>1</vcpu><os><type arch='x86_64'>hvm</type></os>"
                + "<on_poweroff>" + onPoweroff + "</on_poweroff><on_reboot>" + onReboot + "</on_reboot>"
                + "<on_crash>" + onCrash + "</on_crash></domain>";
        DomainDef def = QemuXmlConf.PARSER.parse(xml, false);
        dom = new DomainRegistry(new DomainStore(dir.resolve("etc"))).addTransient(def);
        dom.lock().lock();
        dom.setActive(7, def);
        dom.setState(DomainStates.RUNNING, DomainStates.RUNNING_BOOTED);
        rd = new RunningDomain(dom, 7, dir.resolve("run"), new DomainLog(dir.resolve("rules.log")), def);
        rd.starting = false;
        run = new FakeRun();
        rules = new QmpEventRules(rd, run);
    }

    private void running() throws VirtException {
        running("destroy", "restart", "destroy");
    }

    @AfterEach
    void unlock() {
        if (dom != null && dom.lock().isHeldByCurrentThread()) {
            dom.lock().unlock();
        }
    }

    private void qemu(String name) throws Exception {
        qemu(name, "{}");
    }

    private void qemu(String name, String data) throws Exception {
        rules.onEvent(new QmpEvent(name, JsonParser.parseObject(data), 1_700_000_000_123_456L));
    }

    private void assertState(int state, int reason) {
        assertEquals(DomainStates.stateName(state) + "/" + DomainStates.reasonName(state, reason),
                DomainStates.stateName(dom.state()) + "/" + DomainStates.reasonName(dom.state(), dom.reason()));
    }

    @Test
    void suspendAndResumeFromOutsideRaiseSuspendedThenResumed() throws Exception {
        running();
        qemu("STOP");
        assertState(DomainStates.PAUSED, DomainStates.PAUSED_UNKNOWN);
        qemu("RESUME");
        assertState(DomainStates.RUNNING, DomainStates.RUNNING_UNPAUSED);
        assertEquals(List.of("(3,0)", "(4,0)"), run.events);
        assertEquals(List.of("status", "status"), run.effects);
    }

    @Test
    void resumeWhileRunningAndStopWhilePausedChangeNothing() throws Exception {
        running();
        qemu("RESUME");
        dom.setState(DomainStates.PAUSED, DomainStates.PAUSED_USER);
        qemu("STOP");
        assertState(DomainStates.PAUSED, DomainStates.PAUSED_USER);
        assertEquals(List.of(), run.events);
        assertEquals(List.of(), run.effects);
        assertEquals(List.of("RESUME", "STOP"), run.monitorEvents, "every event still reaches monitor callbacks");
    }

    @Test
    void guestPowersOffThenQemuExits() throws Exception {
        running();
        qemu("SHUTDOWN", GUEST_OFF);
        assertState(DomainStates.SHUTDOWN, 0);
        qemu("STOP");
        qemu("SHUTDOWN", HOST_SIGNAL); // after our SIGTERM: a repeated SHUTDOWN is ignored
        assertState(DomainStates.SHUTDOWN, 0);
        rules.exited();
        assertEquals(List.of("(6,1)", "(5,0)"), run.events);
        assertEquals(List.of("status", "terminate", "stop shutdown"), run.effects);
        assertState(DomainStates.SHUTOFF, DomainStates.SHUTOFF_SHUTDOWN);
    }

    @Test
    void qemuSigtermedByOthersIsShutdownHost() throws Exception {
        running();
        qemu("SHUTDOWN", HOST_SIGNAL);
        rules.exited();
        assertEquals(List.of("(6,2)", "(5,0)"), run.events);
        assertState(DomainStates.SHUTOFF, DomainStates.SHUTOFF_SHUTDOWN);
    }

    @Test
    void shutdownWithoutGuestFieldIsFinished() throws Exception {
        running();
        qemu("SHUTDOWN");
        assertEquals(List.of("(6,0)"), run.events);
    }

    @Test
    void exitWithoutShutdownIsFailedWithReasonCrashed() throws Exception {
        running();
        rules.exited();
        assertEquals(List.of("(5,5)"), run.events);
        assertEquals(List.of("stop crashed"), run.effects);
        assertState(DomainStates.SHUTOFF, DomainStates.SHUTOFF_CRASHED);
    }

    @Test
    void exitDuringDestroyOrAfterStopIsLeftToThem() throws Exception {
        running();
        rd.destroying = true;
        rules.exited();
        qemu("SHUTDOWN", HOST_SIGNAL);
        assertEquals(List.of(), run.events);
        rd.destroying = false;
        rd.stopped = true;
        rules.exited();
        qemu("STOP");
        assertEquals(List.of(), run.events);
        assertEquals(List.of(), run.effects);
        assertEquals(List.of("SHUTDOWN"), run.monitorEvents);
    }

    @Test
    void eventsOfAnOlderRunAreDropped() throws Exception {
        running();
        run.current = false;
        qemu("STOP");
        qemu("SHUTDOWN", GUEST_OFF);
        rules.exited();
        assertEquals(List.of(), run.events);
        assertEquals(List.of(), run.effects);
        assertEquals(List.of(), run.monitorEvents);
        assertState(DomainStates.RUNNING, DomainStates.RUNNING_BOOTED);
    }

    @Test
    void resetRaisesRebootOnlyAfterStartUp() throws Exception {
        running();
        rd.starting = true;
        qemu("RESET", "{\"guest\":false}");
        rd.starting = false;
        qemu("RESET", "{\"guest\":true}");
        assertEquals(List.of("reboot"), run.events);
        assertState(DomainStates.RUNNING, DomainStates.RUNNING_BOOTED);
    }

    @Test
    void acpiRebootIsAFakeRebootWithOnlyARebootEvent() throws Exception {
        running();
        dom.setState(DomainStates.RUNNING, DomainStates.RUNNING_UNPAUSED);
        rd.fakeReboot = true; // what virDomainReboot sets before system_powerdown
        qemu("POWERDOWN");
        qemu("SHUTDOWN", GUEST_OFF);
        qemu("STOP");
        qemu("RESET", "{\"guest\":false}");
        qemu("RESUME");
        assertEquals(List.of("reboot"), run.events);
        assertEquals(List.of("reset+cont", "status"), run.effects);
        assertState(DomainStates.RUNNING, DomainStates.RUNNING_BOOTED);
        assertFalse(rd.fakeReboot || rd.rebooting || rd.shutdownSeen, "flags cleared for the next round");
        qemu("STOP"); // a later pause is a pause again
        assertEquals(List.of("reboot", "(3,0)"), run.events);
    }

    @Test
    void guestPowerOffWithOnPoweroffRestartRunsAgain() throws Exception {
        running("restart", "restart", "destroy");
        qemu("SHUTDOWN", GUEST_OFF);
        qemu("STOP");
        qemu("RESET", "{\"guest\":false}");
        qemu("RESUME");
        assertEquals(List.of("reboot"), run.events);
        assertEquals(List.of("reset+cont", "status"), run.effects);
        assertState(DomainStates.RUNNING, DomainStates.RUNNING_BOOTED);
    }

    @Test
    void onPoweroffRestartDoesNotCatchAHostSignal() throws Exception {
        running("restart", "restart", "destroy");
        qemu("SHUTDOWN", HOST_SIGNAL);
        rules.exited();
        assertEquals(List.of("(6,2)", "(5,0)"), run.events);
    }

    @Test
    void guestRebootWithOnRebootDestroyShutsOff() throws Exception {
        running("destroy", "destroy", "destroy");
        qemu("SHUTDOWN", GUEST_RESET); // set-action reboot=shutdown turns the reboot into this
        rules.exited();
        assertEquals(List.of("(6,1)", "(5,0)"), run.events);
        assertState(DomainStates.SHUTOFF, DomainStates.SHUTOFF_SHUTDOWN);
    }

    @Test
    void failedFakeRebootStopsTheGuestAsShutdown() throws Exception {
        running();
        rd.fakeReboot = true;
        run.resetFails = true;
        qemu("SHUTDOWN", GUEST_OFF);
        assertEquals(List.of("reset+cont", "terminate"), run.effects);
        assertTrue(rd.shutdownSeen);
        assertFalse(rd.rebooting);
        qemu("STOP");
        rules.exited();
        assertEquals(List.of("(5,0)"), run.events);
        assertState(DomainStates.SHUTOFF, DomainStates.SHUTOFF_SHUTDOWN);
    }

    @Test
    void panicWithOnCrashDestroyStopsAsCrashed() throws Exception {
        running();
        qemu("GUEST_PANICKED", "{\"action\":\"pause\"}");
        assertTrue(rd.destroying);
        qemu("STOP");
        qemu("SHUTDOWN", HOST_SIGNAL);
        rules.exited(); // the EOF after our SIGTERM is the destroy's to handle
        assertEquals(List.of("(8,0)"), run.events);
        assertEquals(List.of("status", "terminate+stop crashed/2"), run.effects); // crashed is on record first
    }

    @Test
    void panicWithOnCrashPreserveKeepsItCrashed() throws Exception {
        running("destroy", "restart", "preserve");
        qemu("GUEST_PANICKED", "{\"action\":\"pause\"}");
        qemu("STOP");
        assertEquals(List.of("(8,0)"), run.events);
        assertEquals(List.of("status"), run.effects);
        assertState(DomainStates.CRASHED, DomainStates.CRASHED_PANICKED);
    }

    @Test
    void panicWithOnCrashRestartResetsAndRuns() throws Exception {
        running("destroy", "restart", "restart");
        qemu("GUEST_PANICKED", "{\"action\":\"pause\"}");
        qemu("STOP");
        qemu("RESET", "{\"guest\":false}");
        qemu("RESUME");
        assertEquals(List.of("(8,0)", "reboot", "(4,0)"), run.events); // RESUMED follows the reset's REBOOT, as libvirt
        assertEquals(List.of("status", "reset+cont", "status"), run.effects);
        assertState(DomainStates.RUNNING, DomainStates.RUNNING_CRASHED); // as libvirt after a crash restart: running (crashed)
    }

    @Test
    void balloonChangeIsReportedInKiB() throws Exception {
        running();
        qemu("BALLOON_CHANGE", "{\"actual\":134217728}");
        qemu("RTC_CHANGE", "{\"offset\":0}");
        assertEquals(List.of("balloon 131072"), run.events);
        assertEquals(List.of("BALLOON_CHANGE", "RTC_CHANGE"), run.monitorEvents);
    }

    @Test
    void refusedRemovalsRaiseDeviceRemovalFailed() throws Exception {
        running();
        qemu("DEVICE_UNPLUG_GUEST_ERROR", "{\"device\":\"virtio-disk1\",\"path\":\"/machine/peripheral/virtio-disk1\"}");
        // no id: nothing libvirt could name
        qemu("DEVICE_UNPLUG_GUEST_ERROR", "{\"path\":\"/machine/peripheral-anon/device[3]\"}");
        // a DIMM the guest would not eject, then one it ejected, then a CPU's _OST
        qemu("ACPI_DEVICE_OST", "{\"info\":{\"device\":\"dimm0\",\"slot\":\"0\",\"slot-type\":\"DIMM\","
                + "\"source\":3,\"status\":130}}");
        qemu("ACPI_DEVICE_OST", "{\"info\":{\"device\":\"dimm1\",\"slot\":\"1\",\"slot-type\":\"DIMM\","
                + "\"source\":259,\"status\":0}}");
        qemu("ACPI_DEVICE_OST", "{\"info\":{\"device\":\"vcpu1\",\"slot\":\"1\",\"slot-type\":\"CPU\","
                + "\"source\":3,\"status\":1}}");
        assertEquals(List.of("removal-failed virtio-disk1", "removal-failed dimm0"), run.events);
        assertEquals(5, run.monitorEvents.size());
    }

    @Test
    void aRefusedRemovalFailsTheWaitingDetach() throws Exception {
        DeviceDeletions deletions = new DeviceDeletions();
        var gone = deletions.expect("virtio-disk1");
        deletions.rejected("virtio-disk1");
        VirtException e = org.junit.jupiter.api.Assertions.assertThrows(VirtException.class,
                () -> deletions.await("virtio-disk1", gone, java.time.Duration.ofSeconds(5)));
        assertEquals(ErrorCode.OPERATION_FAILED, e.code());
        assertEquals(ErrorDomain.QEMU, e.error().domain());
        assertEquals("unplug of device was rejected by the guest", e.error().detail());
    }

    /** Records what the rules ask; {@code stop} does what DomainLifecycle.stop does to the domain. */
    private final class FakeRun implements RunEffects {
        final List<String> events = new ArrayList<>();
        final List<String> effects = new ArrayList<>();
        final List<String> monitorEvents = new ArrayList<>();
        boolean current = true;
        boolean resetFails;

        @Override
        public boolean isCurrent() {
            return current;
        }

        @Override
        public void monitorEvent(QmpEvent event) {
            monitorEvents.add(event.name());
        }

        @Override
        public void domainEvent(DomainEventBody event) {
            if (event instanceof LifecycleEvent e) {
                assertEquals(7, e.domain().id());
                events.add("(" + e.event() + "," + e.detail() + ")");
            } else if (event instanceof RebootEvent) {
                events.add("reboot");
            } else if (event instanceof BalloonChangeEvent b) {
                events.add("balloon " + b.actual());
            } else if (event instanceof DeviceRemovalFailedEvent f) {
                events.add("removal-failed " + f.devAlias());
            } else {
                events.add(event.toString());
            }
        }

        @Override
        public void statusChanged() {
            effects.add("status");
        }

        @Override
        public void resetAndContinue() throws VirtException {
            effects.add("reset+cont");
            if (resetFails) {
                throw new VirtException(ErrorCode.OPERATION_FAILED, ErrorDomain.QEMU, "monitor gone");
            }
        }

        @Override
        public void terminate() {
            effects.add("terminate");
        }

        @Override
        public void terminateThenStop(int reason, int stoppedDetail) {
            String why = DomainStates.reasonName(DomainStates.SHUTOFF, reason);
            effects.add("terminate+stop " + why + "/" + stoppedDetail);
        }

        @Override
        public void portChanged(String alias, boolean open) {
            effects.add("port " + alias + " " + (open ? "open" : "closed"));
        }

        @Override
        public void agentEvent(org.virtd.qemu.agent.AgentClient.Await event) {
        }

        @Override
        public void stop(int reason, int stoppedDetail) {
            effects.add("stop " + DomainStates.reasonName(DomainStates.SHUTOFF, reason));
            rd.stopped = true;
            dom.setState(DomainStates.SHUTOFF, reason);
            domainEvent(new LifecycleEvent(dom.ref(), DomainStates.EVENT_STOPPED, stoppedDetail));
        }
    }
}
