package org.virtd.it.bench;

import org.virtd.core.testing.WireClient;
import org.virtd.rpc.remote.RemoteProgram;
import org.virtd.rpc.remote.types.DomainFlagsArgs;
import org.virtd.rpc.remote.types.DomainRef;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Calls to a daemon under benchmark, each with a time bound: a daemon that stops answering
 * fails the run instead of hanging it. Also the clean-up the guest benchmarks share.
 */
final class BoundedCalls {
    static final long LIMIT_S = 120;
    private static final int SHUTOFF = 5;

    private final ExecutorService pool;

    BoundedCalls(String threadName) {
        this.pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** The threads the calls run on, for work the benchmark itself runs in parallel. */
    ExecutorService pool() {
        return pool;
    }

    /** Runs {@code call} for at most {@link #LIMIT_S}; on time-out closes {@code c} (if any) and fails. */
    <T> T bounded(WireClient c, Callable<T> call) throws Exception {
        Future<T> f = pool.submit(call);
        try {
            return f.get(LIMIT_S, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            f.cancel(true);
            if (c != null) {
                c.close();
            }
            throw new IllegalStateException("no answer within " + LIMIT_S + " s", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    /** Destroys (if running) and undefines every domain, ignoring what is already gone. */
    void cleanUp(WireClient c, List<DomainRef> doms) {
        for (DomainRef d : doms) {
            try {
                if (bounded(c, () -> c.call(RemoteProgram.DOMAIN_GET_STATE, new DomainFlagsArgs(d, 0))).state()
                        != SHUTOFF) {
                    bounded(c, () -> c.call(RemoteProgram.DOMAIN_DESTROY, d));
                }
            } catch (Exception e) {
                System.err.println("destroy " + d.name() + ": " + e.getMessage());
            }
            try {
                bounded(c, () -> c.call(RemoteProgram.DOMAIN_UNDEFINE, d));
            } catch (Exception e) {
                System.err.println("undefine " + d.name() + ": " + e.getMessage());
            }
        }
    }

    void shutdown() {
        pool.shutdownNow();
    }
}
