package org.virtd.core.testing;

import org.virtd.core.driver.CallContext;
import org.virtd.core.driver.ClientIdentity;
import org.virtd.core.driver.DriverConnection;
import org.virtd.core.driver.EventSink;

/** Call contexts for calling a driver's handlers directly in unit tests. */
public final class TestCalls {
    private TestCalls() {
    }

    /** A read-write call on an open {@code qemu:///system} connection whose events go to {@code events}. */
    public static CallContext readWrite(EventSink events) {
        return new CallContext() {
            @Override
            public ClientIdentity identity() {
                return ClientIdentity.UNKNOWN;
            }

            @Override
            public boolean readOnly() {
                return false;
            }

            @Override
            public DriverConnection connection() {
                return () -> "qemu:///system";
            }

            @Override
            public EventSink events() {
                return events;
            }
        };
    }
}
