package org.virtd.core.testing;

import org.virtd.core.driver.CallContext;
import org.virtd.core.driver.ClientIdentity;
import org.virtd.core.driver.DriverConnection;
import org.virtd.core.driver.EventSink;

/** Call contexts for calling a driver's handlers directly in unit tests. */
public final class TestCalls {
    private TestCalls() {
    }

    /** A read-write call on an open connection to {@code uri} whose events go to {@code events}. */
    public static CallContext readWrite(String uri, EventSink events) {
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
                return () -> uri;
            }

            @Override
            public EventSink events() {
                return events;
            }
        };
    }
}
