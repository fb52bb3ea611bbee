package org.virtd.it.qemu;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.DaemonExtension;
import org.virtd.it.harness.VirtqemudProcess;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4 with virsh against the real virtqemud: define, list, dominfo, domstate, domid,
 * domuuid, domname, dumpxml (equal to libvirtd 9.0's after normalising uuid and machine
 * version), autostart, setmem/setvcpus --config and undefine, with libvirt's exit codes; and
 * the definition surviving a SIGTERM restart.
 */
class DomainConfigVirshTest {
    @RegisterExtension
    static final DaemonExtension DAEMON = new DaemonExtension();

    static String resource(String name) throws IOException {
        try (InputStream in = DomainConfigVirshTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String normalise(String xml) {
        return xml.replaceAll("<uuid>[0-9a-f-]{36}</uuid>", "<uuid>UUID</uuid>")
                .replaceAll("machine='pc-i440fx-[0-9.]+'", "machine='pc-i440fx-X'");
    }

    private static Cli.Result virsh(String... args) throws Exception {
        return Cli.virsh(DAEMON.daemon().uri(), args);
    }

    private static Cli.Result ok(String... args) throws Exception {
        Cli.Result r = virsh(args);
        assertEquals(0, r.exit(), String.join(" ", args) + ": " + r.all() + "\n" + DAEMON.daemon().log());
        return r;
    }

    @Test
    void tinyGuestThroughItsConfigLife() throws Exception {
        Path xml = DAEMON.prefix().resolve("tiny-domain.xml");
        Files.writeString(xml, resource("tiny-domain.xml"));
        assertTrue(ok("define", xml.toString()).out().contains("Domain 'tiny-guest' defined from " + xml));
        Path config = DAEMON.prefix().resolve("etc/libvirt/qemu/tiny-guest.xml");
        assertTrue(Files.isRegularFile(config));

        assertTrue(ok("list", "--all").out().matches("(?s).*\\n -\\s+tiny-guest\\s+shut off\\n.*"));
        assertFalse(ok("list").out().contains("tiny-guest"));
        assertEquals("tiny-guest", ok("list", "--all", "--name").out().trim());

        String uuid = ok("domuuid", "tiny-guest").out().trim();
        assertTrue(uuid.matches("[0-9a-f-]{36}"), uuid);
        assertEquals("-", ok("domid", "tiny-guest").out().trim());
        assertEquals("tiny-guest", ok("domname", uuid).out().trim());
        assertEquals("shut off", ok("domstate", "tiny-guest").out().trim());
        assertEquals("shut off (unknown)", ok("domstate", "--reason", "tiny-guest").out().trim());

        String info = ok("dominfo", "tiny-guest").out();
        for (String line : new String[]{"Id:             -", "Name:           tiny-guest", "UUID:           " + uuid,
            "OS Type:        hvm", "State:          shut off", "CPU(s):         1", "Max memory:     131072 KiB",
            "Used memory:    131072 KiB", "Persistent:     yes", "Autostart:      disable", "Managed save:   no",
            "Security model: none", "Security DOI:   0"}) {
            assertTrue(info.contains(line + "\n"), line + " missing from\n" + info);
        }

        String golden = normalise(resource("tiny-domain.libvirtd.xml"));
        assertEquals(golden, normalise(ok("dumpxml", "tiny-guest").out().stripTrailing() + "\n"));
        assertEquals(golden, normalise(ok("dumpxml", "--inactive", "tiny-guest").out().stripTrailing() + "\n"));

        assertTrue(ok("autostart", "tiny-guest").out().contains("Domain 'tiny-guest' marked as autostarted"));
        Path link = DAEMON.prefix().resolve("etc/libvirt/qemu/autostart/tiny-guest.xml");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(config.toAbsolutePath(), Files.readSymbolicLink(link));
        assertTrue(ok("dominfo", "tiny-guest").out().contains("Autostart:      enable\n"));
        assertEquals("tiny-guest", ok("list", "--all", "--name", "--autostart").out().trim());
        assertTrue(ok("autostart", "--disable", "tiny-guest").out().contains("Domain 'tiny-guest' unmarked as autostarted"));
        assertFalse(Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS));

        ok("setmem", "tiny-guest", "65536", "--config");
        ok("setvcpus", "tiny-guest", "4", "--config", "--maximum");
        String inactive = ok("dumpxml", "--inactive", "tiny-guest").out();
        assertTrue(inactive.contains("<currentMemory unit='KiB'>65536</currentMemory>"), inactive);
        assertTrue(inactive.contains("<vcpu placement='static' current='1'>4</vcpu>"), inactive);
        assertTrue(Files.readString(config).contains("<vcpu placement='static' current='1'>4</vcpu>"));
        assertTrue(ok("dominfo", "tiny-guest").out().contains("Used memory:    65536 KiB\n"));
        String counts = ok("vcpucount", "tiny-guest").out();
        assertTrue(counts.matches("(?s).*maximum\\s+config\\s+4\\n.*current\\s+config\\s+1.*"), counts);

        Cli.Result live = virsh("setmem", "tiny-guest", "65536", "--live");
        assertEquals(1, live.exit());
        assertTrue(live.err().contains("Requested operation is not valid: domain is not running"), live.err());
        Cli.Result high = virsh("setmem", "tiny-guest", "999999", "--config");
        assertEquals(1, high.exit());
        assertTrue(high.err().contains("invalid argument: cannot set memory higher than max memory"), high.err());

        DAEMON.daemon().restart();
        assertEquals("shut off", ok("domstate", "tiny-guest").out().trim());
        assertEquals(uuid, ok("domuuid", "tiny-guest").out().trim());
        assertTrue(ok("dumpxml", "tiny-guest").out().contains("<currentMemory unit='KiB'>65536</currentMemory>"));

        assertTrue(ok("undefine", "tiny-guest").out().contains("Domain 'tiny-guest' has been undefined"));
        assertFalse(Files.exists(config));
        Cli.Result again = virsh("undefine", "tiny-guest");
        assertEquals(1, again.exit());
        assertTrue(again.err().contains("error: failed to get domain 'tiny-guest'"), again.err());
        assertEquals("", ok("list", "--all", "--name").out().trim());
    }

    @Test
    void missingDomainsAndBadXmlFailWithExitOne() throws Exception {
        for (String[] cmd : new String[][]{{"dominfo", "nosuch"}, {"domstate", "nosuch"}, {"domid", "nosuch"},
            {"dumpxml", "nosuch"}, {"autostart", "nosuch"}, {"domname", "00000000-0000-0000-0000-000000000001"}}) {
            Cli.Result r = virsh(cmd);
            assertEquals(1, r.exit(), String.join(" ", cmd) + ": " + r.all());
            assertTrue(r.err().contains("error: failed to get domain"), r.err());
        }
        Path bad = DAEMON.prefix().resolve("bad.xml");
        Files.writeString(bad, "<domain type='qemu'><name>b</name>");
        Cli.Result r = virsh("define", bad.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("(domain_definition):1: Premature end of data"), r.err());
    }
}
