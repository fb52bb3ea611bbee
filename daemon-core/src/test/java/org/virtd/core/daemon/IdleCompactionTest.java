package org.virtd.core.daemon;

import org.junit.jupiter.api.Test;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Memory is given back once per idle period, after the last client left, never while one stays. */
class IdleCompactionTest {
    private static final long DELAY_MS = 200;

    @Test
    void compactsOnceAfterTheLastClientLeft() throws Exception {
        Semaphore runs = new Semaphore(0);
        ScheduledThreadPoolExecutor loop = new ScheduledThreadPoolExecutor(1);
        try {
            IdleCompaction c = new IdleCompaction(loop, DELAY_MS, runs::release);
            c.clientsChanged(0); // as started: nothing was used yet
            assertFalse(runs.tryAcquire(DELAY_MS * 3, TimeUnit.MILLISECONDS), "compacted a daemon nobody used");
            c.clientsChanged(1);
            c.clientsChanged(0);
            assertTrue(runs.tryAcquire(5, TimeUnit.SECONDS), "no compaction after the client left");
            c.clientsChanged(0);
            assertFalse(runs.tryAcquire(DELAY_MS * 3, TimeUnit.MILLISECONDS), "compacted twice in one idle period");
        } finally {
            loop.shutdownNow();
        }
    }

    @Test
    void aClientArrivingFirstCancelsIt() throws Exception {
        Semaphore runs = new Semaphore(0);
        ScheduledThreadPoolExecutor loop = new ScheduledThreadPoolExecutor(1);
        try {
            IdleCompaction c = new IdleCompaction(loop, DELAY_MS, runs::release);
            c.clientsChanged(1);
            c.clientsChanged(0);
            c.clientsChanged(1);
            assertFalse(runs.tryAcquire(DELAY_MS * 3, TimeUnit.MILLISECONDS), "compacted while a client was connected");
            c.clientsChanged(0);
            assertTrue(runs.tryAcquire(5, TimeUnit.SECONDS));
        } finally {
            loop.shutdownNow();
        }
    }
}
