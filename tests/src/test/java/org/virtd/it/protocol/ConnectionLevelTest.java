package org.virtd.it.protocol;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.DaemonExtension;
import org.virtd.it.harness.VirtqemudProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 2's acceptance: the real virsh and python-libvirt against a real virtqemud, through the
 * read-write and the read-only socket, with output of the shape libvirtd 9.0 gives.
 */
class ConnectionLevelTest {
    @RegisterExtension
    static final DaemonExtension DAEMON = new DaemonExtension();

    @Test
    void virshConnectionCommandsOnBothSockets() throws Exception {
        for (String uri : new String[]{DAEMON.daemon().uri(), DAEMON.daemon().roUri()}) {
            Cli.Result v = Cli.virsh(uri, "version");
            assertEquals(0, v.exit(), v.all());
            assertTrue(v.out().contains("Using API: QEMU 9.0.0"), v.out());
            assertTrue(v.out().matches("(?s).*Running hypervisor: QEMU \\d+\\.\\d+\\.\\d+.*"), v.out());

            Cli.Result u = Cli.virsh(uri, "uri");
            assertEquals(0, u.exit(), u.all());
            assertEquals(uri, u.out().trim()); // virsh prints the URI it connected with, as against libvirtd

            Cli.Result h = Cli.virsh(uri, "hostname");
            assertEquals(0, h.exit(), h.all());
            assertFalse(h.out().isBlank());

            Cli.Result n = Cli.virsh(uri, "nodeinfo");
            assertEquals(0, n.exit(), n.all());
            for (String key : new String[]{"CPU model:", "CPU(s):", "CPU frequency:", "CPU socket(s):",
                "Core(s) per socket:", "Thread(s) per core:", "NUMA cell(s):", "Memory size:"}) {
                assertTrue(n.out().contains(key), key + " missing from " + n.out());
            }

            Cli.Result caps = Cli.virsh(uri, "capabilities");
            assertEquals(0, caps.exit(), caps.all());
            assertTrue(caps.out().contains("<capabilities>") && caps.out().contains("<guest>")
                    && caps.out().contains("<domain type='qemu'/>") && caps.out().contains("<emulator>"), caps.out());

            Cli.Result list = Cli.virsh(uri, "list", "--all");
            assertEquals(0, list.exit(), list.all());
            assertTrue(list.out().contains("Id") && list.out().contains("Name") && list.out().contains("State"),
                    list.out());
        }
    }

    @Test
    void defineOnTheReadOnlySocketIsForbiddenAndChangesNothing() throws Exception {
        Path xml = DAEMON.prefix().resolve("ro-test.xml");
        Files.writeString(xml, "<domain type='qemu'><name>rotest</name><memory>131072</memory>"
                + "<os><type>hvm</type></os></domain>");
        Cli.Result r = Cli.virsh(DAEMON.daemon().roUri(), "define", xml.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("operation forbidden: read only access prevents virDomainDefineXML"), r.err());
        Cli.Result list = Cli.virsh(DAEMON.daemon().uri(), "list", "--all", "--name");
        assertFalse(list.out().contains("rotest"), list.out());
        assertFalse(Files.exists(DAEMON.prefix().resolve("etc/libvirt/qemu/rotest.xml")));
    }

    @Test
    void pythonGetsVersionsHostnameAndDomains() throws Exception {
        Cli.Result r = Cli.python("""
                import sys, libvirt
                c = libvirt.open(sys.argv[1])
                print(c.getVersion() > 0, c.getLibVersion(), bool(c.getHostname()), c.listAllDomains())
                c.close()
                """, DAEMON.daemon().uri());
        assertEquals(0, r.exit(), r.all());
        assertEquals("True 9000000 True []", r.out().trim());
    }

    @Test
    void virtAdminSeesBothServers() throws Exception {
        Cli.Result r = Cli.run(java.util.List.of("virt-admin", "-c", DAEMON.daemon().adminUri(), "server-list"), 30);
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("admin") && r.out().contains("virtqemud"), r.out());
        r = Cli.run(java.util.List.of("virt-admin", "-c", DAEMON.daemon().adminUri(), "server-threadpool-info", "virtqemud"), 30);
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("minWorkers") && r.out().contains("maxWorkers"), r.out());
    }
}
