package org.virtd.qemu.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A group-committed store writes whole files and reads them back like the fsync-per-write one. */
class ConfigSyncTest {
    @TempDir
    Path dir;

    @Test
    void groupCommittedStoreRoundTrips() throws Exception {
        ConfigSync sync = ConfigSync.open(dir, Duration.ofMillis(5));
        assertNotNull(sync, "syncfs should be available on Linux");
        try (sync) {
            DomainStore store = new DomainStore(dir, sync);
            QemuDomainDefaults defaults = new QemuDomainDefaults(GuestEmulators.builtIn(), new SplittableRandom(1));
            for (int i = 0; i < 20; i++) {
                store.save(defaults.apply(QemuXmlConf.PARSER.parse("<domain type='qemu'><name>g" + i
                        + "</name><memory>65536</memory><os><type>hvm</type></os></domain>", false)));
            }
            store.delete("g3");
            assertFalse(Files.exists(dir.resolve("g3.xml")));
            assertEquals(19, store.loadAll((xml, doc) -> defaults.apply(QemuXmlConf.PARSER.parse(xml, false, doc))).size());
        }
    }

    @Test
    void theThreadRunsOnlyWhileRequestsComeIn() throws Exception {
        try (ConfigSync sync = ConfigSync.open(dir, Duration.ofMillis(5), Duration.ofMillis(50))) {
            assertNotNull(sync);
            assertFalse(sync.running(), "no thread before the first request");
            for (int round = 0; round < 2; round++) {
                sync.request();
                assertTrue(sync.running());
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (sync.running() && System.nanoTime() < deadline) {
                    Thread.sleep(10);
                }
                assertFalse(sync.running(), "the thread ends once idle, and a later request starts another");
            }
        }
    }
}
