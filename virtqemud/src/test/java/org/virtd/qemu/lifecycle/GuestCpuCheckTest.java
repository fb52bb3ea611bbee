package org.virtd.qemu.lifecycle;

import org.junit.jupiter.api.Test;
import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.cpu.CpuBits;
import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonParser;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuestCpuCheckTest {

    @Test
    void featureWordsBecomeCpuMapBits() throws Exception {
        JsonArray words = (JsonArray) JsonParser.parse("[{\"cpuid-register\": \"ECX\", \"cpuid-input-eax\": 1,"
                + " \"features\": 2147483648}, {\"cpuid-register\": \"EBX\", \"cpuid-input-ecx\": 0,"
                + " \"cpuid-input-eax\": 7, \"features\": 1}]");
        CpuBits bits = GuestCpuCheck.bits(words);
        // ECX bit 31 of leaf 1 is "hypervisor" in libvirt's CPU map; leaf 7 EBX bit 0 "fsgsbase"
        assertTrue(bits.contains(CpuBits.of(List.of("cpuid:1:0:ecx:31"))));
        assertTrue(bits.contains(CpuBits.of(List.of("cpuid:7:0:ebx:0"))));
        assertFalse(bits.contains(CpuBits.of(List.of("cpuid:1:0:edx:0"))));
    }

    private static final List<String> MAP = List.of("avx512f", "hypervisor", "lahf_lm", "sse2");
    private static final List<String> QEMU64 = List.of("lahf_lm", "sse2");

    private static DomainDef.CpuDef cpu(String check, DomainDef.CpuFeature... features) {
        return new DomainDef.CpuDef("custom", "exact", check, null, "qemu64", null, null, List.of(features));
    }

    @Test
    void whatTheGuestGotReplacesWhatItAskedFor() throws Exception {
        List<DomainDef.CpuFeature> out = GuestCpuCheck.reconcile(
                cpu(null, new DomainDef.CpuFeature("require", "avx512f"), new DomainDef.CpuFeature("disable", "lahf_lm")),
                MAP, QEMU64, Set.of("hypervisor", "sse2"));
        // asked-for features keep their place; an unasked one QEMU enabled is appended as required
        assertEquals(List.of(new DomainDef.CpuFeature("disable", "avx512f"), new DomainDef.CpuFeature("disable", "lahf_lm"),
                new DomainDef.CpuFeature("require", "hypervisor")), out);
    }

    @Test
    void checkFullNamesExtraAndMissingFeatures() {
        VirtException e = assertThrows(VirtException.class, () -> GuestCpuCheck.reconcile(
                cpu("full", new DomainDef.CpuFeature("require", "avx512f")), MAP, QEMU64,
                Set.of("hypervisor", "lahf_lm", "sse2")));
        assertEquals("operation failed: guest CPU doesn't match specification: extra features: hypervisor, "
                + "missing features: avx512f", e.getMessage());
        assertEquals(ErrorCode.OPERATION_FAILED, e.code());
    }

    @Test
    void checkFullPassesWhenTheGuestGotExactlyItsCpu() throws Exception {
        assertEquals(List.of(), GuestCpuCheck.reconcile(cpu("full"), MAP, QEMU64, Set.of("lahf_lm", "sse2")));
    }

    @Test
    void customFeaturesBecomeQemuSwitchesInDefinitionOrder() {
        assertEquals(List.of("avx512f=on", "lahf-lm=off"), LaunchSpecMapping.cpuSwitches(
                cpu(null, new DomainDef.CpuFeature("require", "avx512f"), new DomainDef.CpuFeature("disable", "lahf_lm"))));
    }
}
