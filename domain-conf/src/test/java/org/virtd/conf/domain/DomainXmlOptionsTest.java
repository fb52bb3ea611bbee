package org.virtd.conf.domain;

import org.junit.jupiter.api.Test;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a driver's {@link DomainXmlOptions} changes in the neutral parser (vbox-driver.md §2 "parser defaults"). */
class DomainXmlOptionsTest {

    private static final String SLASHED = "<domain type='vbox'><name>a/b</name><memory>65536</memory>"
            + "<os><type>hvm</type></os><devices><video/></devices></domain>";
    private static final String WITH_QEMU_NS = "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/"
            + "qemu/1.0'><name>g</name><memory>65536</memory><os><type>hvm</type></os>"
            + "<qemu:commandline><qemu:arg value='-S'/></qemu:commandline></domain>";

    @Test
    void generatedMacsStayInTheDriversRange() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200; i++) {
            String mac = TestOptions.VBOX.generateMac(random);
            assertTrue(mac.matches("08:00:27(:[0-9a-f]{2}){3}"), mac);
        }
        assertTrue(TestOptions.NEUTRAL.generateMac(random).startsWith("52:54:00:"));
    }

    @Test
    void generationDrawsThreeBytesInOrder() {
        // the QEMU goldens depend on this order: uuid first, then three draws per NIC
        SplittableRandom a = new SplittableRandom(1);
        SplittableRandom b = new SplittableRandom(1);
        String expected = String.format("08:00:27:%02x:%02x:%02x", b.nextInt(256), b.nextInt(256), b.nextInt(256));
        assertEquals(expected, TestOptions.VBOX.generateMac(a));
    }

    @Test
    void prefixIsCanonicalAndChecked() {
        assertEquals("08:00:27", new DomainXmlOptions("8:0:27", false, null, List.of()).macPrefix());
        assertEquals("52:54:00", new DomainXmlOptions("52:54:00", false, null, List.of()).macPrefix());
        for (String bad : new String[]{"52:54", "52:54:00:01", "zz:00:00", "", "525400"}) {
            assertThrows(IllegalArgumentException.class, () -> new DomainXmlOptions(bad, false, null, List.of()), bad);
        }
    }

    @Test
    void slashInNameDependsOnTheDriver() throws VirtException {
        VirtException e = assertThrows(VirtException.class,
                () -> new DomainXmlParser(TestOptions.NEUTRAL).parse(SLASHED, false));
        assertEquals(ErrorCode.XML_ERROR, e.code());
        assertEquals("a/b", new DomainXmlParser(TestOptions.VBOX).parse(SLASHED, false).name());
    }

    @Test
    void videoModelDefaultComesFromTheDriver() throws VirtException {
        assertEquals("vbox", new DomainXmlParser(TestOptions.VBOX).parse(SLASHED, false)
                .devices().videos().get(0).model());
        DomainXmlOptions slashNoDefault = new DomainXmlOptions("52:54:00", true, null, List.of());
        assertNull(new DomainXmlParser(slashNoDefault).parse(SLASHED, false).devices().videos().get(0).model());
    }

    @Test
    void schemaAcceptsOnlyTheDriversNamespaces() throws VirtException {
        DomainXmlOptions qemu = new DomainXmlOptions("52:54:00", false, null, List.of(TestOptions.QEMU));
        assertEquals("g", new DomainXmlParser(qemu).parse(WITH_QEMU_NS, true).name());
        VirtException e = assertThrows(VirtException.class,
                () -> new DomainXmlParser(TestOptions.NEUTRAL).parse(WITH_QEMU_NS, true));
        assertEquals(ErrorCode.XML_INVALID_SCHEMA, e.code());
        assertTrue(e.getMessage().contains("Element domain has extra content: qemu:commandline"), e.getMessage());
        // without validation unknown elements are dropped, whoever owns them
        assertEquals("g", new DomainXmlParser(TestOptions.NEUTRAL).parse(WITH_QEMU_NS, false).name());
    }

    @Test
    void namespaceOwnsOnlyItsListedElements() {
        assertTrue(TestOptions.QEMU.owns("qemu:commandline"));
        assertTrue(!TestOptions.QEMU.owns("qemu:bogus") && !TestOptions.QEMU.owns("commandline")
                && !TestOptions.QEMU.owns("q:commandline"));
        assertThrows(IllegalArgumentException.class, () -> new XmlNamespace("a:b", "urn:x", java.util.Set.of()));
    }
}
