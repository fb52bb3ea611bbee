package org.virtd.core.server;

import org.junit.jupiter.api.Test;
import org.virtd.rpc.program.Priority;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Clients take turns on the workers: a backlog of one client does not delay another's call. */
class WorkerPoolsTest {

    @Test
    void aBackloggedClientGetsOneTurnPerRound() throws Exception {
        WorkerPools pools = new WorkerPools("test", 1, 1, 0);
        try {
            WorkerPools.Queue first = new WorkerPools.Queue();
            WorkerPools.Queue busy = new WorkerPools.Queue();
            WorkerPools.Queue polite = new WorkerPools.Queue();
            List<String> order = new CopyOnWriteArrayList<>();
            CountDownLatch gate = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(12);
            pools.execute(first, Priority.LOW, () -> { // holds the only worker while the others queue up
                await(gate);
                order.add("first");
                done.countDown();
            });
            for (int i = 0; i < 10; i++) {
                pools.execute(busy, Priority.LOW, () -> {
                    order.add("busy");
                    done.countDown();
                });
            }
            pools.execute(polite, Priority.LOW, () -> {
                order.add("polite");
                done.countDown();
            });
            gate.countDown();
            assertTrue(done.await(10, TimeUnit.SECONDS));
            assertEquals(List.of("first", "busy", "polite", "busy"), order.subList(0, 4),
                    "after one call of the backlogged client, the other's runs: " + order);
        } finally {
            pools.shutdown(1000);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void workersGrowOnlyWhenNoneIsFreeAndStay() throws Exception {
        WorkerPools pools = new WorkerPools("test", 5, 20, 0);
        try {
            assertEquals(5, pools.workers(), "min_workers from the start");
            WorkerPools.Queue client = new WorkerPools.Queue();
            for (int i = 0; i < 50; i++) {
                CountDownLatch ran = new CountDownLatch(1);
                pools.execute(client, Priority.LOW, ran::countDown);
                assertTrue(ran.await(10, TimeUnit.SECONDS));
            }
            assertEquals(5, pools.workers(), "calls one after another need no more workers");
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch started = new CountDownLatch(8);
            for (int i = 0; i < 8; i++) {
                pools.execute(new WorkerPools.Queue(), Priority.LOW, () -> {
                    started.countDown();
                    await(release);
                });
            }
            assertTrue(started.await(10, TimeUnit.SECONDS), "eight calls at once get eight workers");
            assertEquals(8, pools.workers());
            assertEquals(0, pools.freeWorkers());
            release.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (pools.freeWorkers() < 8 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(8, pools.workers(), "workers are not retired, as in libvirt");
            assertEquals(8, pools.freeWorkers());
        } finally {
            pools.shutdown(1000);
        }
    }
}
