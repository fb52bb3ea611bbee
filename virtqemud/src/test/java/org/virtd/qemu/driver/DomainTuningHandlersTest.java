package org.virtd.qemu.driver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.conf.state.ModificationImpact;
import org.virtd.core.driver.CallContext;
import org.virtd.core.testing.TestCalls;
import org.virtd.qemu.domain.DomainObject;
import org.virtd.qemu.domain.DomainRegistry;
import org.virtd.qemu.domain.DomainStore;
import org.virtd.qemu.domain.GuestEmulators;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.DomainFlags;
import org.virtd.rpc.remote.DomainFlags.Memory;
import org.virtd.rpc.remote.DomainFlags.Vcpu;
import org.virtd.rpc.remote.DomainFlags.Xml;
import org.virtd.rpc.remote.types.DomainRef;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Info and tuning handlers over a real store in a temp dir: values, flags and libvirt's errors. */
class DomainTuningHandlersTest {

    @TempDir
    Path dir;

    private static final String XML = "<domain type='qemu'><name>t1</name><memory>65536</memory>"
            + "<vcpu>2</vcpu><os><type>hvm</type></os></domain>";

    private final CallContext ctx = TestCalls.readWrite("qemu:///system", e -> { });

    private DomainRegistry registry;
    private DomainLookup lookup;
    private DomainRef ref;

    private void define() throws VirtException {
        registry = new DomainRegistry(new DomainStore(dir));
        lookup = new DomainLookup(() -> registry);
        ref = new DomainConfigHandlers(lookup, GuestEmulators::builtIn, new SplittableRandom(3)).define(ctx, XML, 0);
    }

    @Test
    void configChangesAreStoredAndValidated() throws Exception {
        define();
        DomainTuningHandlers tuning = new DomainTuningHandlers(lookup, () -> LiveTuning.UNSUPPORTED);
        DomainInfoHandlers info = new DomainInfoHandlers(lookup, () -> true, DomainInfoHandlers.Security.UNCONFINED, d -> 0L);
        tuning.setMemory(ref, 32768, DomainFlags.ModificationImpact.CONFIG, "virDomainSetMemoryFlags");
        DomainObject dom = lookup.resolve(ref);
        assertEquals(32768, info.info(dom).memory());
        VirtException high = assertThrows(VirtException.class,
                () -> tuning.setMemory(ref, 70000, DomainFlags.ModificationImpact.CONFIG, "virDomainSetMemoryFlags"));
        assertEquals("invalid argument: cannot set memory higher than max memory", high.getMessage());
        assertEquals(ErrorDomain.QEMU, high.error().domain());
        VirtException live = assertThrows(VirtException.class, () -> tuning.setMemory(ref, 1024, 1, "virDomainSetMemory"));
        assertEquals(ErrorCode.OPERATION_INVALID, live.code());
        assertEquals(ErrorDomain.DOMAIN, live.error().domain());
        assertEquals("Requested operation is not valid: domain is not running", live.getMessage());
        tuning.setMemory(ref, 16384, Memory.MAXIMUM, "virDomainSetMaxMemory");
        assertEquals(16384, info.info(dom).maxMem());
        assertEquals(16384, info.info(dom).memory());

        tuning.setVcpus(ref, 4, DomainFlags.ModificationImpact.CONFIG | Vcpu.MAXIMUM, "x");
        assertEquals(4, info.vcpus(dom, DomainFlags.ModificationImpact.CONFIG | Vcpu.MAXIMUM));
        assertEquals(2, info.vcpus(dom, 0));
        VirtException many = assertThrows(VirtException.class,
                () -> tuning.setVcpus(ref, 5, DomainFlags.ModificationImpact.CONFIG, "x"));
        assertEquals("invalid argument: requested vcpus is greater than max allowable vcpus for the persistent "
                + "domain: 5 > 4", many.getMessage());
        tuning.setVcpus(ref, 3, DomainFlags.ModificationImpact.CONFIG, "x");
        String stored = Files.readString(dir.resolve("t1.xml"));
        assertTrue(stored.contains("<vcpu placement='static' current='3'>4</vcpu>"), stored);
        assertTrue(stored.contains("<memory unit='KiB'>16384</memory>"), stored);
        assertEquals(ErrorCode.OPERATION_INVALID, assertThrows(VirtException.class,
                () -> info.vcpus(dom, Vcpu.MAXIMUM | DomainFlags.ModificationImpact.LIVE)).code());

        tuning.setAutostart(ref, true);
        assertTrue(Files.isSymbolicLink(dir.resolve("autostart/t1.xml")));
        tuning.setAutostart(ref, false);
        assertTrue(Files.notExists(dir.resolve("autostart/t1.xml")));
    }

    @Test
    void xmlFlagsAndUnknownFlags() throws Exception {
        define();
        DomainInfoHandlers info = new DomainInfoHandlers(lookup, () -> true, DomainInfoHandlers.Security.UNCONFINED, d -> 0L);
        DomainObject dom = lookup.resolve(ref);
        String xml = info.xmlDesc(dom, 0);
        assertEquals(xml, info.xmlDesc(dom, Xml.INACTIVE | Xml.UPDATE_CPU));
        String migratable = info.xmlDesc(dom, Xml.MIGRATABLE);
        assertTrue(xml.contains("piix3-uhci") && !migratable.contains("piix3-uhci"), migratable);
        assertTrue(!migratable.contains("pci-root") && !migratable.contains("type='keyboard'"), migratable);
        VirtException flags = assertThrows(VirtException.class, () -> info.xmlDesc(dom, 16));
        assertEquals("unsupported flags (0x10) in function qemuDomainGetXMLDesc", flags.getMessage());
        assertEquals(ErrorDomain.QEMU, flags.error().domain());
    }
}
