package org.virtd.qemu.driver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.conf.state.DomainListFilter;
import org.virtd.core.driver.CallContext;
import org.virtd.core.testing.TestCalls;
import org.virtd.qemu.domain.DomainRegistry;
import org.virtd.qemu.domain.DomainStore;
import org.virtd.qemu.domain.GuestEmulators;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.rpc.remote.types.DomainEventBody;
import org.virtd.rpc.remote.types.DomainRef;
import org.virtd.rpc.remote.types.LifecycleEvent;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DomainConfigHandlersTest {

    @TempDir
    Path dir;

    private final List<DomainEventBody> events = new ArrayList<>();
    private final CallContext ctx = TestCalls.readWrite("qemu:///system", events::add);

    private DomainConfigHandlers handlers() {
        return new DomainConfigHandlers(new DomainRegistry(new DomainStore(dir)), GuestEmulators::builtIn,
                new SplittableRandom(7));
    }

    private static final String XML = "<domain type='qemu'><name>t1</name><memory>65536</memory>"
            + "<os><type>hvm</type></os></domain>";

    @Test
    void defineLookupListUndefineWithEvents() throws Exception {
        DomainConfigHandlers h = handlers();
        DomainRef ref = h.define(ctx, XML, 0);
        assertEquals(-1, ref.id());
        assertEquals(ref, h.byName("t1").ref());
        assertEquals(1, h.listAll(1, DomainListFilter.INACTIVE | DomainListFilter.PERSISTENT).ret());
        assertEquals(0, h.listAll(1, DomainListFilter.ACTIVE).ret());
        assertEquals(0, h.listAll(0, 0).domains().size());
        h.define(ctx, XML.replace("<name>t1</name>", "<name>t1</name><uuid>" + ref.javaUuid() + "</uuid>"), 0);
        h.undefine(ctx, ref, 0);
        assertEquals(List.of(new LifecycleEvent(ref, 0, 0), new LifecycleEvent(ref, 0, 1),
                new LifecycleEvent(ref, 1, 0)), events);
        VirtException gone = assertThrows(VirtException.class, () -> h.undefine(ctx, ref, 0));
        assertEquals(ErrorCode.NO_DOMAIN, gone.code());
        assertEquals(ErrorDomain.QEMU, gone.error().domain());
        assertEquals("Domain not found: no domain with matching uuid '" + ref.javaUuid() + "' (t1)", gone.getMessage());
        assertEquals("Domain not found: no domain with matching name 'x'",
                assertThrows(VirtException.class, () -> h.byName("x")).getMessage());
        assertEquals("Domain not found: no domain with matching id 7",
                assertThrows(VirtException.class, () -> h.byId(7)).getMessage());
    }

    @Test
    void defineErrorsCarryLibvirtCodes() {
        DomainConfigHandlers h = handlers();
        VirtException flags = assertThrows(VirtException.class, () -> h.define(ctx, XML, 2));
        assertEquals("unsupported flags (0x2) in function qemuDomainDefineXMLFlags",
                flags.getMessage());
        VirtException schema = assertThrows(VirtException.class,
                () -> h.define(ctx, XML.replace("</domain>", "<foo/></domain>"), 1));
        assertEquals(ErrorCode.XML_INVALID_SCHEMA, schema.code());
        VirtException bad = assertThrows(VirtException.class, () -> h.define(ctx, "<domain", 0));
        assertEquals(ErrorCode.XML_DETAIL, bad.code());
        assertEquals(ErrorDomain.DOMAIN, bad.error().domain());
        VirtException xen = assertThrows(VirtException.class,
                () -> h.define(ctx, XML.replace("'qemu'", "'xen'"), 0));
        assertEquals("unsupported configuration: Emulator '/usr/bin/qemu-system-x86_64' does not support virt "
                + "type 'xen'", xen.getMessage());
    }
}
