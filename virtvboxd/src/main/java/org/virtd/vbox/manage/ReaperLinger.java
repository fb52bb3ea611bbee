package org.virtd.vbox.manage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.lang.reflect.Field;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The JDK waits for every child process on a "process reaper" thread of a cached pool, whose idle
 * threads stay a minute (java.lang.ProcessHandleImpl): with VBoxManage run at every open and call,
 * virtvboxd would keep one or more threads past issue 17's budget long after the last call. Here
 * the pool's keep-alive becomes one second: a burst of calls still reuses its reapers (a new
 * thread per process measured about 0.4 ms a call), and a second after the last call none is
 * left. The pool is private to the JDK; it is reached through sun.misc.Unsafe (jdk.unsupported, no
 * --add-opens, which would cost start-up its archived module graph). Done once, on the first run;
 * on a JDK where the field is gone, or from 24 on (where Unsafe's memory access prints a warning),
 * reapers linger as before.
 */
final class ReaperLinger {
    private static final Logger LOG = LoggerFactory.getLogger(ReaperLinger.class);
    private static final long KEEP_ALIVE_MILLIS = 1000;
    private static volatile boolean done;

    private ReaperLinger() {
    }

    static void end() {
        if (done) {
            return;
        }
        synchronized (ReaperLinger.class) {
            if (!done) {
                done = true;
                shortenKeepAlive();
            }
        }
    }

    private static void shortenKeepAlive() {
        if (Runtime.version().feature() >= 24) {
            return;
        }
        try {
            Field pool = Class.forName("java.lang.ProcessHandleImpl").getDeclaredField("processReaperExecutor");
            Field theUnsafe = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            theUnsafe.setAccessible(true);
            sun.misc.Unsafe unsafe = (sun.misc.Unsafe) theUnsafe.get(null);
            Object executor = unsafe.getObject(unsafe.staticFieldBase(pool), unsafe.staticFieldOffset(pool));
            if (executor instanceof ThreadPoolExecutor reapers) {
                reapers.setKeepAliveTime(KEEP_ALIVE_MILLIS, TimeUnit.MILLISECONDS);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("the JDK's process reapers keep their keep-alive: {}", e.toString());
        }
    }
}
