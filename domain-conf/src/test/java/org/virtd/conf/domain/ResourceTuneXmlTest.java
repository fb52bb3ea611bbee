package org.virtd.conf.domain;

import org.junit.jupiter.api.Test;
import org.virtd.rpc.error.VirtException;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResourceTuneXmlTest {
    private static final DomainXmlParser PARSER = new DomainXmlParser(TestOptions.NEUTRAL);
    private static final String XML = "<domain type='qemu'><name>t</name><memory>65536</memory>"
            + "<memtune><swap_hard_limit unit='G'>2</swap_hard_limit><hard_limit>1048576</hard_limit></memtune>"
            + "<blkiotune><weight>500</weight><device><path>/dev/sda</path><read_iops_sec>100</read_iops_sec>"
            + "<weight>300</weight></device></blkiotune>"
            + "<cputune><quota>-1</quota><shares>2048</shares><period>50000</period>"
            + "<global_quota>25000</global_quota></cputune>"
            + "<os><type>hvm</type></os></domain>";

    @Test
    void parsesTheTunables() throws VirtException {
        DomainDef def = PARSER.parse(XML, false);
        ResourceTune.MemTune m = def.tuning().memory();
        assertEquals(1048576L, m.hardLimitKiB());
        assertNull(m.softLimitKiB());
        assertEquals(2097152L, m.swapHardLimitKiB());
        ResourceTune.BlkioTune b = def.tuning().blkio();
        assertEquals(500, b.weight());
        assertEquals(List.of(new ResourceTune.Device("/dev/sda", 300, 100, 0, 0, 0)), b.devices());
        assertEquals(2048L, def.cputune().shares());
        assertEquals(50000, def.cputune().bandwidth("period"));
        assertEquals(-1, def.cputune().bandwidth("quota"));
        assertEquals(25000, def.cputune().bandwidth("global_quota"));
    }

    @Test
    void printsInLibvirtsOrder() throws VirtException {
        String out = DomainXmlFormatter.format(PARSER.parse(XML, false), DomainXmlFormatter.Options.INACTIVE);
        String expected = "  <currentMemory unit='KiB'>65536</currentMemory>\n"
                + "  <blkiotune>\n    <weight>500</weight>\n    <device>\n      <path>/dev/sda</path>\n"
                + "      <weight>300</weight>\n      <read_iops_sec>100</read_iops_sec>\n    </device>\n"
                + "  </blkiotune>\n"
                + "  <memtune>\n    <hard_limit unit='KiB'>1048576</hard_limit>\n"
                + "    <swap_hard_limit unit='KiB'>2097152</swap_hard_limit>\n  </memtune>\n"
                + "  <vcpu placement='static'>1</vcpu>\n"
                + "  <cputune>\n    <shares>2048</shares>\n    <period>50000</period>\n    <quota>-1</quota>\n"
                + "    <global_quota>25000</global_quota>\n  </cputune>\n";
        assertTrue(out.contains(expected), out);
        assertEquals(out, DomainXmlFormatter.format(PARSER.parse(out, false), DomainXmlFormatter.Options.INACTIVE));
    }

    @Test
    void unlimitedIsNoLimit() throws VirtException {
        DomainDef def = PARSER.parse(XML.replace("<hard_limit>1048576</hard_limit>",
                "<hard_limit>9007199254740991</hard_limit>"), false);
        assertNull(def.tuning().memory().hardLimitKiB());
    }

    @Test
    void badNumbersAreXmlErrors() {
        VirtException e = assertThrows(VirtException.class,
                () -> PARSER.parse(XML.replace("<period>50000</period>", "<period>x</period>"), false));
        assertEquals("XML error: can't parse cputune period value", e.getMessage());
        e = assertThrows(VirtException.class,
                () -> PARSER.parse(XML.replace("<weight>500</weight>", "<weight>many</weight>"), false));
        assertTrue(e.getMessage().contains("blkiotune weight"), e.getMessage());
    }

    @Test
    void deviceValuesMergeAndEmptyDevicesGo() {
        ResourceTune.BlkioTune b = new ResourceTune.BlkioTune(0, List.of(
                new ResourceTune.Device("/dev/sda", 0, 100, 0, 0, 0)));
        b = b.withDeviceValues(ResourceTune.Device.Field.WEIGHT,
                List.of(new ResourceTune.Device("/dev/sdb", 200, 0, 0, 0, 0)));
        assertEquals(2, b.devices().size());
        b = b.withDeviceValues(ResourceTune.Device.Field.READ_IOPS,
                List.of(new ResourceTune.Device("/dev/sda", 0, 0, 0, 0, 0)));
        assertEquals(List.of(new ResourceTune.Device("/dev/sdb", 200, 0, 0, 0, 0)), b.devices());
    }
}
