package org.virtd.vbox.driver;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.core.driver.CallContext;
import org.virtd.core.testing.TestCalls;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.DomainEventBody;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.SnapshotRef;
import org.virtd.rpc.remote.types.LifecycleEvent;
import org.virtd.vbox.manage.VBoxManage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The driver's handlers over the VBoxManage stand-in (../shared/vbox), run through a wrapper that
 * points it at this test's state: lookups, ids, the cache's launches per call, events.
 */
class MachinesWithStandInTest {
    static final Path STAND_IN = Path.of("../../shared/vbox/VBoxManage").toAbsolutePath().normalize();

    @TempDir
    Path dir;
    private final AtomicLong now = new AtomicLong();
    private final List<DomainEventBody> events = new ArrayList<>();
    private final CallContext ctx = TestCalls.readWrite("vbox:///system", events::add);
    private Machines machines;

    @BeforeEach
    void standIn() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(STAND_IN), "the VBoxManage stand-in is not at " + STAND_IN);
        Path wrapper = dir.resolve("VBoxManage");
        Files.writeString(wrapper, "#!/bin/sh\nexport VBOX_USER_HOME='" + dir.resolve("vbox") + "' HOME='" + dir
                + "' PATH=/usr/bin:/bin\nexec '" + STAND_IN + "' \"$@\"\n");
        wrapper.toFile().setExecutable(true);
        machines = new Machines(new VBoxManage(wrapper, Duration.ofSeconds(30)),
                new MachineCache(Duration.ofSeconds(1), now::get));
    }

    private static final String XML = "<domain type='vbox'><name>m1</name><memory unit='MiB'>64</memory>"
            + "<os><type>hvm</type></os></domain>";

    @Test
    void defineLookupStartAndTheCache() throws Exception {
        DomainConfigHandlers config = new DomainConfigHandlers(() -> machines);
        DomainLifecycleHandlers life = new DomainLifecycleHandlers(() -> machines, config, OnlineNotes.NONE);
        DomainRef ref = config.define(ctx, XML, 0);
        assertEquals(-1, machines.byName("m1").id());

        long before = machines.manage().launches();
        config.listAll(1, 0);
        machines.byName("m1");
        machines.info(ref);
        machines.info(ref);
        long first = machines.manage().launches() - before;
        config.listAll(1, 0);
        machines.info(ref);
        assertEquals(first, machines.manage().launches() - before, "nothing changed: no launch");

        DomainRef started = life.create(ctx, ref);
        assertEquals(1, started.id());
        assertEquals(1, machines.byId(1).id());
        assertEquals(ErrorCode.OPERATION_FAILED,
                assertThrows(VirtException.class, () -> life.create(ctx, ref)).code());
        life.control(ctx, ref, "poweroff");
        assertEquals(-1, machines.byName("m1").id());
        config.undefine(ctx, ref, 0);
        assertEquals(ErrorCode.NO_DOMAIN, assertThrows(VirtException.class, () -> machines.info(ref)).code());
        assertEquals(List.of(new LifecycleEvent(ref, 0, 0), new LifecycleEvent(started, 2, 0),
                new LifecycleEvent(new DomainRef("m1", ref.uuid(), -1), 5, 1),
                new LifecycleEvent(new DomainRef("m1", ref.uuid(), -1), 1, 0)), events);
    }

    @Test
    void snapshotsThroughTheHandlers() throws Exception {
        DomainConfigHandlers config = new DomainConfigHandlers(() -> machines);
        SnapshotHandlers snaps = new SnapshotHandlers(() -> machines, () -> 1_700_000_000L);
        DomainRef ref = config.define(ctx, XML, 0);
        assertEquals(List.of(), snaps.names(ref, 0, "f"));
        snaps.create(ref, "<domainsnapshot><name>s1</name><description>d &amp; e</description></domainsnapshot>", 0);
        assertEquals("1700000000", snaps.create(ref, "<domainsnapshot/>", 0).name());
        assertEquals(List.of("s1", "1700000000"), snaps.names(ref, 0, "f"));
        assertEquals(List.of("s1"), snaps.names(ref, SnapshotHandlers.LIST_ROOTS, "f"));
        assertEquals(List.of(), snaps.names(ref, SnapshotHandlers.LIST_METADATA, "f"));
        String xml = snaps.xmlDesc(new SnapshotRef("1700000000", ref), 0);
        assertTrue(xml.contains("<name>1700000000</name>\n  <state>shutoff</state>\n  <parent>\n    <name>s1</name>"), xml);
        assertTrue(xml.matches("(?s).*<creationTime>[1-9][0-9]+</creationTime>.*"), xml);
        assertTrue(snaps.xmlDesc(new SnapshotRef("s1", ref), 0).contains("<description>d &amp; e</description>"));
        assertEquals("s1", snaps.parent(new SnapshotRef("1700000000", ref)));
        assertEquals(ErrorCode.NO_DOMAIN_SNAPSHOT,
                assertThrows(VirtException.class, () -> snaps.parent(new SnapshotRef("s1", ref))).code());
        snaps.revert(new SnapshotRef("s1", ref), 0);
        snaps.delete(new SnapshotRef("s1", ref), SnapshotHandlers.DELETE_CHILDREN_ONLY);
        assertEquals(List.of("s1"), snaps.names(ref, 0, "f"));
        VirtException e = assertThrows(VirtException.class, () -> snaps.revert(new SnapshotRef("s9", ref), 0));
        assertEquals("Domain snapshot not found: no domain snapshot with matching name 's9'", e.getMessage());
        assertEquals(ErrorCode.XML_ERROR, assertThrows(VirtException.class, () -> snaps.create(ref, "<domain/>", 0)).code());
        snaps.delete(new SnapshotRef("s1", ref), 0);
        assertEquals(0, new DomainInfoHandlers(() -> machines).snapshotCount(ref));
    }

    @Test
    void tuningAndSnapshotCount() throws Exception {
        DomainConfigHandlers config = new DomainConfigHandlers(() -> machines);
        DomainTuningHandlers tuning = new DomainTuningHandlers(() -> machines);
        DomainInfoHandlers info = new DomainInfoHandlers(() -> machines);
        DomainRef ref = config.define(ctx, XML, 0);
        tuning.setMemory(ref, 200_000);
        tuning.setVcpus(ref, 3, 1);
        assertEquals(196, machines.info(ref).memoryMiB());
        assertEquals(3, machines.info(ref).cpus());
        assertEquals("invalid argument: unsupported flags: (0x2)",
                assertThrows(VirtException.class, () -> tuning.setVcpus(ref, 2, 2)).getMessage());
        assertEquals(0, info.snapshotCount(ref));
        machines.manage().call("snapshot", ref.javaUuid().toString(), "take", "s1");
        machines.manage().call("snapshot", ref.javaUuid().toString(), "take", "s2");
        machines.cache().clear();
        assertEquals(2, info.snapshotCount(ref));
        new DomainLifecycleHandlers(() -> machines, config, OnlineNotes.NONE).create(ctx, ref);
        assertEquals("operation failed: memory size can't be changed unless domain is powered down",
                assertThrows(VirtException.class, () -> tuning.setMemory(ref, 100_000)).getMessage());
        assertEquals(ErrorCode.OPERATION_FAILED,
                assertThrows(VirtException.class, () -> tuning.setVcpus(ref, 1, 1)).code());
    }

    @Test
    void pollReportsMachinesStartedBehindTheDaemonsBack() throws Exception {
        DomainConfigHandlers config = new DomainConfigHandlers(() -> machines);
        DomainRef ref = config.define(ctx, XML, 0);
        events.clear();
        RunningWatch watch = new RunningWatch(() -> machines, events::add, Duration.ofHours(1));
        watch.poll(machines);
        machines.manage().call("startvm", ref.javaUuid().toString(), "--type", "headless");
        watch.poll(machines);
        machines.manage().call("controlvm", ref.javaUuid().toString(), "poweroff");
        watch.poll(machines);
        assertEquals(List.of(new LifecycleEvent(new DomainRef("m1", ref.uuid(), 1), 2, 0),
                new LifecycleEvent(new DomainRef("m1", ref.uuid(), -1), 5, 0)), events);
    }

    @Test
    void theWatchPollsOnlyWhileCallbacksAreRegistered() throws Exception {
        DomainConfigHandlers config = new DomainConfigHandlers(() -> machines);
        DomainRef ref = config.define(ctx, XML, 0);
        machines.manage().call("startvm", ref.javaUuid().toString(), "--type", "headless");
        events.clear();
        RunningWatch watch = new RunningWatch(() -> machines, events::add, Duration.ofHours(1));
        assertEquals(List.of(), watch.known());
        watch.listeners(true);
        assertEquals(List.of(ref.javaUuid()), watch.known(), "the baseline is taken before the registration returns");
        watch.listeners(false);
        assertEquals(List.of(), watch.known());
        awaitNoThread("vbox-running-watch");
        watch.listeners(true);
        assertEquals(List.of(ref.javaUuid()), watch.known(), "a second registration polls again");
        watch.listeners(false);
        watch.shutdown();
        assertEquals(List.of(), events);
    }

    /** The watch's thread ends with the last listener (bounded wait: shutting down is asynchronous). */
    private static void awaitNoThread(String name) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(name))) {
            assertTrue(System.nanoTime() < deadline, name + " still runs with no listener");
            Thread.sleep(50);
        }
    }
}
