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
}
