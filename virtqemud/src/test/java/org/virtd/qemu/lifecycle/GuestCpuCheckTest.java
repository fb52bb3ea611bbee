package org.virtd.qemu.lifecycle;

import org.junit.jupiter.api.Test;
import org.virtd.qemu.cpu.CpuBits;
import org.virtd.qemu.qmp.JsonArray;
import org.virtd.qemu.qmp.JsonParser;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
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
}
