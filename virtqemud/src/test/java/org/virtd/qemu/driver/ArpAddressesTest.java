package org.virtd.qemu.driver;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.domain.QemuXmlConf;
import org.virtd.rpc.remote.types.DomainInterface;
import org.virtd.rpc.remote.types.IpAddress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code domifaddr --source arp}: the host's neighbour table matched to the guest's NICs by MAC. */
class ArpAddressesTest {
    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        ArpAddresses.table = Path.of("/proc/net/arp");
    }

    @Test
    void completeEntriesWithTheGuestsMacsAreItsAddresses() throws Exception {
        Path table = dir.resolve("arp");
        Files.writeString(table, "IP address       HW type     Flags       HW address            Mask     Device\n"
                + "192.0.2.10       0x1         0x2         52:54:00:aa:bb:cc     *        tap0\n"
                + "192.0.2.11       0x1         0x0         52:54:00:aa:bb:cc     *        tap0\n"
                + "192.0.2.12       0x1         0x2         52:54:00:00:00:01     *        eth0\n");
        ArpAddresses.table = table;
        DomainDef def = QemuXmlConf.PARSER.parse("<domain type='qemu'><name>a</name>"
                + "<memory unit='MiB'>128</memory><os><type arch='x86_64'>hvm</type></os><devices>"
                + "<interface type='user'><mac address='52:54:00:AA:BB:CC'/></interface>"
                + "<interface type='user'><mac address='52:54:00:dd:ee:ff'/></interface>"
                + "</devices></domain>", false);
        List<DomainInterface> out = ArpAddresses.of(def);
        assertEquals(1, out.size());
        assertEquals("52:54:00:AA:BB:CC".toLowerCase(), out.get(0).hwaddr().toLowerCase());
        assertEquals(List.of(new IpAddress(0, "192.0.2.10", 0)), out.get(0).addrs());
    }

    @Test
    void noTableNoAddresses() throws Exception {
        ArpAddresses.table = dir.resolve("missing");
        DomainDef def = QemuXmlConf.PARSER.parse("<domain type='qemu'><name>a</name>"
                + "<memory unit='MiB'>128</memory><os><type arch='x86_64'>hvm</type></os></domain>", false);
        assertEquals(List.of(), ArpAddresses.of(def));
    }
}
