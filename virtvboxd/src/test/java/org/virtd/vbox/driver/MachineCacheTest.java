package org.virtd.vbox.driver;

import org.junit.jupiter.api.Test;
import org.virtd.vbox.manage.FileStamp;
import org.virtd.vbox.manage.MachineInfo;
import org.virtd.vbox.manage.MachineReadable;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

/** What the cache trusts past its TTL: offline machines without limit, online ones up to maxAge. */
class MachineCacheTest {
    static final UUID OFF = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID ON = UUID.fromString("00000000-0000-0000-0000-000000000002");

    static MachineInfo machine(UUID uuid, String state) {
        return MachineInfo.of(MachineReadable.parse("name=\"m\"\nUUID=\"" + uuid + "\"\nVMState=\"" + state + "\"\n"));
    }

    @Test
    void offlineSettingsOutliveMaxAgeOnlineOnesDoNot() {
        AtomicLong now = new AtomicLong();
        MachineCache c = new MachineCache(Duration.ofSeconds(1), Duration.ofSeconds(10), now::get);
        FileStamp stamp = new FileStamp(1, 2);
        c.info(OFF, machine(OFF, "poweroff"), stamp);
        c.info(ON, machine(ON, "running"), stamp);
        now.set(Duration.ofSeconds(2).toNanos());
        assertNull(c.info(OFF), "past the TTL nothing is fresh");
        assertEquals(stamp, c.recent(OFF).stamp());
        assertEquals(stamp, c.recent(ON).stamp());
        now.set(Duration.ofSeconds(60).toNanos());
        assertEquals(stamp, c.recent(OFF).stamp());
        assertNull(c.recent(ON));
    }

    @Test
    void aMachineJoiningOrLeavingTheRunningSetIsForgotten() {
        AtomicLong now = new AtomicLong();
        MachineCache c = new MachineCache(Duration.ofSeconds(1), Duration.ofSeconds(10), now::get);
        c.running(Set.of(ON));
        c.info(OFF, machine(OFF, "poweroff"), null);
        c.info(ON, machine(ON, "running"), null);
        MachineCache.Entry off = c.recent(OFF);
        c.running(Set.of());
        assertNull(c.recent(ON));
        assertSame(off, c.recent(OFF));
        c.running(Set.of(OFF));
        assertNull(c.recent(OFF));
        assertEquals(Set.of(OFF), c.running());
        c.changed(ON);
        assertNull(c.running(), "a change the daemon makes rereads the running set");
    }
}
