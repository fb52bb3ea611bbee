package org.virtd.it.qemu;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.core.testing.WireClient;
import org.virtd.it.harness.VirtqemudProcess;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainFlagsArgs;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.NeedResultsArgs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4's durability: four clients define (and undefine every third) domain as fast as they can
 * while the daemon is killed with SIGKILL; after a restart every domain whose define was
 * acknowledged is there, every domain that is there is whole (its XML is served and names it),
 * every config file on disk was loaded, and no temporary file is left behind.
 */
class DomainStormCrashTest {
    private static final int CLIENTS = 4;
    private static final int ACKS_BEFORE_KILL = 300;

    @TempDir
    Path prefix;
    VirtqemudProcess daemon;

    @AfterEach
    void stop() {
        if (daemon != null) {
            daemon.close();
        }
    }

    static String xml(String name) {
        return "<domain type='qemu'><name>" + name + "</name><memory unit='MiB'>64</memory><vcpu>1</vcpu>"
                + "<os><type>hvm</type></os><devices><serial type='pty'/><console type='pty'/></devices></domain>";
    }

    @Test
    void killNineInADefineStormLeavesWholeDefinitions() throws Exception {
        daemon = VirtqemudProcess.start(prefix);
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> undefined = ConcurrentHashMap.newKeySet();
        AtomicInteger acks = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < CLIENTS; t++) {
            int client = t;
            Thread th = new Thread(() -> storm(client, acknowledged, undefined, acks), "storm-" + t);
            th.setDaemon(true);
            th.start();
            threads.add(th);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (acks.get() < ACKS_BEFORE_KILL && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        daemon.kill();
        for (Thread th : threads) {
            th.join(10_000);
            assertFalse(th.isAlive(), "a storm client did not notice the dead daemon");
        }
        assertTrue(acks.get() >= ACKS_BEFORE_KILL, "only " + acks.get() + " defines acknowledged");

        daemon.restart();
        Set<String> listed = new HashSet<>();
        try (WireClient c = WireClient.connect(daemon.socket()).open("qemu:///system", 0)) {
            for (DomainRef d : c.call(RemoteProgram.CONNECT_LIST_ALL_DOMAINS, new NeedResultsArgs(1, 0)).domains()) {
                listed.add(d.name());
                String xml = c.call(RemoteProgram.DOMAIN_GET_XML_DESC, new DomainFlagsArgs(d, 0));
                assertTrue(xml.contains("<name>" + d.name() + "</name>") && xml.contains(d.javaUuid().toString()), xml);
            }
        }
        for (String name : acknowledged) {
            assertTrue(listed.contains(name) || undefined.contains(name), name + " was acknowledged but is gone");
        }
        Set<String> files = new HashSet<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(prefix.resolve("etc/libvirt/qemu"))) {
            for (Path f : dir) {
                String n = f.getFileName().toString();
                if (Files.isRegularFile(f)) {
                    assertTrue(n.endsWith(".xml"), "stray file after restart: " + n);
                    files.add(n.substring(0, n.length() - 4));
                }
            }
        }
        assertEquals(files, listed, "config files and loaded domains differ");
        assertFalse(daemon.log().contains("skipping"), daemon.log());
    }

    private void storm(int client, Set<String> acknowledged, Set<String> undefined, AtomicInteger acks) {
        try (WireClient c = WireClient.connect(daemon.socket()).open("qemu:///system", 0)) {
            for (int i = 0; ; i++) {
                String name = "storm-" + client + "-" + i;
                DomainRef ref = c.call(RemoteProgram.DOMAIN_DEFINE_XML, xml(name));
                acknowledged.add(name);
                acks.incrementAndGet();
                if (i % 3 == 2) {
                    undefined.add(name);
                    c.call(RemoteProgram.DOMAIN_UNDEFINE, ref);
                }
            }
        } catch (IOException | WireClient.CallFailed e) {
            // the daemon was killed under us: expected
        }
    }
}
