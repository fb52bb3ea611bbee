package org.virtd.qemu.machined;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ScopeNamesTest {
    @Test
    void libvirtsUnitNames() {
        assertEquals("machine-qemu\\x2d1\\x2dtiny.scope", ScopeNames.scope("qemu-1-tiny"));
        assertEquals("machine-qemu\\x2d12\\x2dvm_a.b.scope", ScopeNames.scope("qemu-12-vm_a.b"));
        assertEquals("machine.slice", ScopeNames.slice("/machine"));
        assertEquals("machine-prod.slice", ScopeNames.slice("/machine/prod"));
        assertEquals("\\x2efoo\\x20bar.slice", ScopeNames.slice(".foo bar"));
    }

    @Test
    void machineNameBackFromItsScope() {
        assertEquals("qemu-1-tiny", ScopeNames.machineOf("machine-qemu\\x2d1\\x2dtiny.scope"));
        assertNull(ScopeNames.machineOf("qemu-1-tiny.libvirt-qemu"));
    }
}
