package org.virtd.core.daemon;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The idle timeout fires on the scheduler it is handed (the I/O thread), and not while a client stays. */
class IdleTimerTest {
    @Test
    void expiresOnTheSchedulerItIsHanded() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);
        AtomicReference<String> on = new AtomicReference<>();
        IdleTimer timer = new IdleTimer(1, () -> {
            on.set(Thread.currentThread().getName());
            fired.countDown();
        });
        ScheduledThreadPoolExecutor loop = new ScheduledThreadPoolExecutor(1, r -> new Thread(r, "io-loop"));
        try {
            timer.acquire();
            timer.scheduleOn(loop);
            timer.release();
            assertTrue(fired.await(5, TimeUnit.SECONDS), "no automatic shutdown after the timeout");
            assertEquals("io-loop", on.get());
        } finally {
            timer.stop();
            loop.shutdownNow();
        }
    }

    @Test
    void aConnectedClientKeepsTheDaemon() throws Exception {
        CountDownLatch fired = new CountDownLatch(1);
        IdleTimer timer = new IdleTimer(1, fired::countDown);
        ScheduledThreadPoolExecutor loop = new ScheduledThreadPoolExecutor(1);
        try {
            timer.scheduleOn(loop);
            timer.clientsChanged(1);
            assertFalse(fired.await(1500, TimeUnit.MILLISECONDS));
            timer.clientsChanged(0);
            assertTrue(fired.await(5, TimeUnit.SECONDS));
        } finally {
            timer.stop();
            loop.shutdownNow();
        }
    }
}
