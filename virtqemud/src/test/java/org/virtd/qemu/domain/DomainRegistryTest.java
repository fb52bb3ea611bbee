package org.virtd.qemu.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.conf.domain.DomainDef;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DomainRegistryTest {

    @TempDir
    Path dir;

    static DomainDef def(String name, String uuid) throws VirtException {
        String xml = "<domain type='qemu'><name>" + name + "</name>" + (uuid == null ? "" : "<uuid>" + uuid + "</uuid>")
                + "<memory>65536</memory><os><type>hvm</type></os></domain>";
        return new QemuDomainDefaults(GuestEmulators.builtIn(), new SplittableRandom()).apply(
                QemuXmlConf.PARSER.parse(xml, false));
    }

    private static DomainStore.Reader reader() {
        return (xml, doc) -> new QemuDomainDefaults(GuestEmulators.builtIn(), new SplittableRandom())
                .apply(QemuXmlConf.PARSER.parse(xml, false, doc));
    }

    @Test
    void defineWritesFileAndRedefineUpdates() throws Exception {
        DomainRegistry reg = new DomainRegistry(new DomainStore(dir));
        var first = reg.define(def("t1", "11111111-2222-3333-4444-555555555555"), true);
        assertFalse(first.updated());
        Path file = dir.resolve("t1.xml");
        assertTrue(Files.readString(file).startsWith("<!--\nWARNING: THIS IS AN AUTO-GENERATED FILE."));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(file)));
        var again = reg.define(def("t1", "11111111-2222-3333-4444-555555555555"), true);
        assertTrue(again.updated());
        assertEquals(1, reg.size());
    }

    @Test
    void conflictsNameTheExistingDomain() throws Exception {
        DomainRegistry reg = new DomainRegistry(new DomainStore(dir));
        reg.define(def("t1", "11111111-2222-3333-4444-555555555555"), true);
        VirtException sameName = assertThrows(VirtException.class,
                () -> reg.define(def("t1", null), false));
        assertEquals(ErrorCode.OPERATION_FAILED, sameName.code());
        assertEquals("operation failed: domain 't1' already exists with uuid 11111111-2222-3333-4444-555555555555",
                sameName.getMessage());
        VirtException sameUuid = assertThrows(VirtException.class,
                () -> reg.define(def("t2", "11111111-2222-3333-4444-555555555555"), true));
        assertEquals("operation failed: domain 't1' is already defined with uuid "
                + "11111111-2222-3333-4444-555555555555", sameUuid.getMessage());
    }

    @Test
    void undefineRemovesFileLinkAndIndexes() throws Exception {
        DomainStore store = new DomainStore(dir);
        DomainRegistry reg = new DomainRegistry(store);
        DomainObject dom = reg.define(def("t1", null), false).domain();
        dom.lock().lock();
        try {
            reg.setAutostart(dom, true);
            assertTrue(Files.isSymbolicLink(dir.resolve("autostart/t1.xml")));
            assertEquals(dir.resolve("t1.xml").toAbsolutePath(), Files.readSymbolicLink(dir.resolve("autostart/t1.xml")));
            reg.undefine(dom);
        } finally {
            dom.lock().unlock();
        }
        assertNull(reg.byName("t1"));
        assertFalse(Files.exists(dir.resolve("t1.xml")));
        assertFalse(Files.exists(dir.resolve("autostart/t1.xml"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void loadSkipsCorruptFilesWithoutTouchingThem() throws Exception {
        DomainStore store = new DomainStore(dir);
        DomainRegistry reg = new DomainRegistry(store);
        reg.define(def("good", null), false);
        Files.writeString(dir.resolve("bad.xml"), "<domain type='qemu'><name>bad");
        Files.writeString(dir.resolve(".virtd-tmp-123"), "partial");
        DomainRegistry reloaded = new DomainRegistry(store);
        reloaded.load(store.loadAll(reader()));
        assertNotNull(reloaded.byName("good"));
        assertEquals(1, reloaded.size());
        assertEquals("<domain type='qemu'><name>bad", Files.readString(dir.resolve("bad.xml")));
        assertFalse(Files.exists(dir.resolve(".virtd-tmp-123")));
    }

    @Test
    void concurrentDefineUndefineStormLeavesConsistentState() throws Exception {
        DomainStore store = new DomainStore(dir);
        DomainRegistry reg = new DomainRegistry(store);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < 50; i++) {
                    String name = "d" + (i % 10);
                    try {
                        DomainObject d = reg.define(def(name, null), false).domain();
                        d.lock().lock();
                        try {
                            if (!d.isRemoved()) {
                                reg.undefine(d);
                            }
                        } finally {
                            d.lock().unlock();
                        }
                    } catch (VirtException e) {
                        assertEquals(ErrorCode.OPERATION_FAILED, e.code());
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();
        for (DomainObject d : reg.all()) {
            assertTrue(Files.exists(store.configFile(d.name())), d.name());
        }
        DomainRegistry reloaded = new DomainRegistry(store);
        reloaded.load(store.loadAll(reader()));
        assertEquals(reg.size(), reloaded.size());
    }
}
