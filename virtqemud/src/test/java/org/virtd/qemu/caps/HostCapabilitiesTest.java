package org.virtd.qemu.caps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class HostCapabilitiesTest {
    static final EmulatorCapabilities X86 = new EmulatorCapabilities(Path.of("/usr/bin/qemu-system-x86_64"), "x86_64",
            7002022, "Debian", true, List.of(
                    new MachineType("pc-i440fx-7.2", "pc", true, 255, false),
                    new MachineType("pc-q35-7.2", "q35", false, 288, false),
                    new MachineType("pc-i440fx-1.4", null, false, 255, true)));
    static final EmulatorCapabilities I686 = new EmulatorCapabilities(Path.of("/usr/bin/qemu-system-i386"), "i686",
            7002022, "Debian", true, List.of(new MachineType("pc-i440fx-7.2", "pc", true, 255, false)));

    HostCapabilities host(KvmSupport kvm) {
        return new HostCapabilities("x86_64", kvm, List.of(
                new GuestCapabilities(X86, HostCapabilities.domainTypes(X86, "x86_64", kvm)),
                new GuestCapabilities(I686, HostCapabilities.domainTypes(I686, "x86_64", kvm))));
    }

    @Test
    void resolvesAliasesToCanonicalNames() {
        HostCapabilities h = host(new KvmSupport(true, true));
        assertEquals("pc-i440fx-7.2", h.canonical("x86_64", "pc"));
        assertEquals("pc-q35-7.2", h.canonical("x86_64", "q35"));
        assertEquals("pc-q35-7.2", h.canonical("x86_64", "pc-q35-7.2"));
        assertEquals("pc-i440fx-7.2", h.canonical(null, null));
        assertEquals("pc-i440fx-7.2", h.canonical("x86_64", ""));
        assertEquals("bogus", h.canonical("x86_64", "bogus"));
        assertEquals("pc", h.canonical("s390x", "pc"));
        assertTrue(h.supportsMachine("x86_64", "pc"));
        assertFalse(h.supportsMachine("x86_64", "bogus"));
        assertEquals("pc-i440fx-7.2", h.defaultMachine("i686").orElseThrow());
        assertEquals(7002022, h.version());
        assertEquals(Path.of("/usr/bin/qemu-system-i386"), h.emulator("i686").orElseThrow());
        assertEquals(32, h.guest("i686").orElseThrow().wordSize());
    }

    @Test
    void kvmDomainTypeOnlyWhenUsable() {
        assertEquals(List.of("qemu", "kvm"), host(new KvmSupport(true, false)).guest("x86_64").orElseThrow().domainTypes());
        assertEquals(List.of("qemu", "kvm"), host(new KvmSupport(true, false)).guest("i686").orElseThrow().domainTypes());
        assertEquals(List.of("qemu"), host(new KvmSupport(false, true)).guest("x86_64").orElseThrow().domainTypes());
        assertFalse(host(new KvmSupport(false, true)).supportsDomainType("x86_64", "kvm"));
        EmulatorCapabilities arm = new EmulatorCapabilities(Path.of("/q"), "aarch64", 1, "", true, List.of());
        assertEquals(List.of("qemu"), HostCapabilities.domainTypes(arm, "x86_64", new KvmSupport(true, true)));
    }

    @Test
    void hostArchNames() {
        assertEquals("x86_64", HostCapabilities.hostArchOf("amd64"));
        assertEquals("aarch64", HostCapabilities.hostArchOf("aarch64"));
    }
}
