package org.virtd.qemu.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OwnerLedgerTest {
    @TempDir
    Path dir;

    @Test
    void theFirstOwnerComesBackWhenTheLastUserLeavesEvenAfterARestart() throws Exception {
        Path image = Path.of("/images/a disk.qcow2");
        OwnerLedger ledger = new OwnerLedger(dir.resolve("run/dac-owners"));
        ledger.remember(image, 1000, 100);
        ledger.remember(image, 64055, 64055); // a second guest: already QEMU's, the first owner stays
        OwnerLedger restarted = new OwnerLedger(dir.resolve("run/dac-owners"));
        assertTrue(restarted.knows(image));
        assertEquals(Optional.empty(), restarted.recall(image));
        assertEquals(Optional.of(new OwnerLedger.Owner(1000, 100, 1)), restarted.recall(image));
        assertEquals(Optional.empty(), restarted.recall(image));
    }
}
