package org.virtd.core.driver;

import org.junit.jupiter.api.Test;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** libvirt's URI path rules for local drivers, as clients see them in open errors. */
class LocalUrisTest {
    private static final LocalUris QEMU = new LocalUris("qemu", ErrorDomain.NONE, true);
    private static final LocalUris VBOX = new LocalUris("vbox", ErrorDomain.VBOX, false);

    @Test
    void acceptsItsSchemeWithoutAHost() {
        assertTrue(QEMU.accepts("qemu:///system"));
        assertTrue(QEMU.accepts(""));
        assertFalse(QEMU.accepts("qemu://host/system"));
        assertFalse(QEMU.accepts("vbox:///session"));
    }

    @Test
    void pathsFollowThePrivilege() throws VirtException {
        assertEquals("qemu:///system", QEMU.canonical("", true));
        assertEquals("qemu:///session", QEMU.canonical("qemu:///session", true), "root may use /session with QEMU");
        assertEquals("vbox:///session", VBOX.canonical("vbox:///session", false));
        assertEquals("internal error: unexpected qemu URI path '/system', try qemu:///session",
                assertThrows(VirtException.class, () -> QEMU.canonical("qemu:///system", false)).error().message());
        VirtException e = assertThrows(VirtException.class, () -> VBOX.canonical("vbox:///session", true));
        assertEquals("internal error: unexpected vbox URI path '/session', try vbox:///system", e.error().message());
        assertEquals(ErrorDomain.VBOX, e.error().domain());
    }
}
