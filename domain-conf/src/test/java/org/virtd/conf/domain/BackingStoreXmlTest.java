package org.virtd.conf.domain;

import org.junit.jupiter.api.Test;
import org.virtd.conf.domain.Devices.DiskDef;
import org.virtd.rpc.error.VirtException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code <backingStore>} as libvirt 9.0 reads and prints it (checked against libvirtd). */
class BackingStoreXmlTest {
    private static final DomainXmlParser PARSER = new DomainXmlParser(TestOptions.NEUTRAL);

    private static String domain(String diskInner) {
        return "<domain type='qemu'><name>d</name><uuid>5d0c2a61-93e4-4b7a-a1f2-0c6e8d4b7a01</uuid>"
                + "<memory>131072</memory><os><type>hvm</type></os><devices>"
                + "<disk type='file' device='disk'><driver name='qemu' type='qcow2'/>" + diskInner
                + "<target dev='vda' bus='virtio'/></disk></devices></domain>";
    }

    private static DiskDef disk(String inner, boolean status) throws VirtException {
        String xml = domain(inner);
        DomainDef d = status ? PARSER.parseStatus(xml, "d") : PARSER.parse(xml, false);
        return d.devices().disks().get(0);
    }

    private static String printed(DiskDef k, int id) throws VirtException {
        DomainDef d = PARSER.parse(domain("<source file='/t'/>"), false);
        String xml = DomainXmlFormatter.format(d.withDevices(d.devices().withDisks(List.of(k))),
                new DomainXmlFormatter.Options(id, true));
        return xml.substring(xml.indexOf("<source"), xml.indexOf("<target"));
    }

    @Test
    void aDefinitionWithoutBackingStoreLeavesTheChainToBeDetected() throws VirtException {
        assertEquals(BackingChain.UNKNOWN, disk("<source file='/t'/>", false).backing());
    }

    @Test
    void anUntypedElementEndsTheChainWhateverItHolds() throws VirtException {
        DiskDef k = disk("<source file='/t'/><backingStore><format type='qcow2'/><source file='/b'/></backingStore>",
                false);
        assertEquals(BackingChain.NONE, k.backing());
    }

    @Test
    void definitionsDropNumbersAndStatusFilesKeepThem() throws VirtException {
        String inner = "<source file='/t' index='3'/><backingStore type='file' index='6'><format type='qcow2'/>"
                + "<source file='/b'/><backingStore/></backingStore>";
        DiskDef def = disk(inner, false);
        assertEquals(0, def.sourceIndex());
        assertEquals(List.of(new BackingChain.Layer("file", "qcow2", "/b", 0)), def.backing().layers());
        DiskDef live = disk(inner, true);
        assertEquals(3, live.sourceIndex());
        assertEquals(new BackingChain(List.of(new BackingChain.Layer("file", "qcow2", "/b", 6)), true),
                live.backing());
        assertEquals(6, live.highestIndex());
    }

    @Test
    void nestedLayersArePrintedInsideEachOtherAndEndWhereKnown() throws VirtException {
        DiskDef k = disk("<source file='/t'/><backingStore type='file'><format type='qcow2'/><source file='/m'/>"
                + "<backingStore type='block'><format type='raw'/><source dev='/dev/b'/></backingStore>"
                + "</backingStore>", false);
        String out = printed(k, -1);
        assertTrue(out.contains("<backingStore type='file'>\n        <format type='qcow2'/>\n"
                + "        <source file='/m'/>\n        <backingStore type='block'>\n"
                + "          <format type='raw'/>\n          <source dev='/dev/b'/>\n        </backingStore>\n"
                + "      </backingStore>\n"), out);
        assertTrue(!out.contains("<backingStore/>"), out);
    }

    @Test
    void libvirtsParseErrors() {
        assertEquals("XML error: missing disk backing store format", assertThrows(VirtException.class,
                () -> disk("<source file='/t'/><backingStore type='file'><source file='/x'/></backingStore>",
                        false)).getMessage());
        assertEquals("XML error: missing disk backing store source", assertThrows(VirtException.class,
                () -> disk("<source file='/t'/><backingStore type='file'><format type='raw'/></backingStore>",
                        false)).getMessage());
        assertEquals("XML error: unknown storage source format 'bogus'", assertThrows(VirtException.class,
                () -> disk("<source file='/t'/><backingStore type='file'><format type='bogus'/>"
                        + "<source file='/x'/></backingStore>", false)).getMessage());
        assertEquals("XML error: unknown storage source type 'bogus'", assertThrows(VirtException.class,
                () -> disk("<source file='/t'/><backingStore type='bogus'><format type='raw'/>"
                        + "<source file='/x'/></backingStore>", false)).getMessage());
    }
}
