package org.virtd.rpc.error;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ErrorCodeTest {

    @Test
    void codesAreUniqueAndCoverZeroTo110() {
        Set<Integer> seen = new HashSet<>();
        for (ErrorCode c : ErrorCode.values()) {
            assertTrue(seen.add(c.wire), "duplicate " + c.wire);
            assertSame(c, ErrorCode.fromWire(c.wire));
        }
        for (int n = 0; n <= 110; n++) {
            assertTrue(seen.contains(n), "missing code " + n);
        }
        assertNull(ErrorCode.fromWire(111));
        assertNull(ErrorCode.fromWire(-1));
    }

    @Test
    void everyTemplateTakesExactlyOneDetail() {
        for (ErrorCode c : ErrorCode.values()) {
            assertEquals(1, c.template.split("%s", -1).length - 1, c.name());
        }
    }

    @Test
    void domainsAreUnique() {
        Set<Integer> seen = new HashSet<>();
        for (ErrorDomain d : ErrorDomain.values()) {
            assertTrue(seen.add(d.wire), "duplicate " + d.wire);
            assertSame(d, ErrorDomain.fromWire(d.wire));
        }
    }

    @Test
    void messagesSeenFromLibvirtd9() {
        assertEquals("internal error: hypervisor connection not open",
                ErrorCode.INTERNAL_ERROR.format("hypervisor connection not open"));
        assertEquals("operation forbidden: read only access prevents virDomainCreate",
                ErrorCode.OPERATION_DENIED.format("read only access prevents virDomainCreate"));
        assertEquals("Domain not found: no domain with matching name 'x'",
                ErrorCode.NO_DOMAIN.format("no domain with matching name 'x'"));
        assertEquals("Requested operation is not valid: domain 'test' is already active",
                ErrorCode.OPERATION_INVALID.format("domain 'test' is already active"));
        assertEquals("argument unsupported: parameter 'nWorkers' not supported",
                ErrorCode.ARGUMENT_UNSUPPORTED.format("parameter 'nWorkers' not supported"));
        assertEquals("Server not found: No server named 'bogus'", ErrorCode.NO_SERVER.format("No server named 'bogus'"));
        assertEquals("unknown procedure: 20", ErrorCode.RPC.format("unknown procedure: 20"));
        assertEquals(29, ErrorCode.OPERATION_DENIED.wire);
        assertEquals(110, ErrorCode.MULTIPLE_DOMAINS.wire);
    }
}
