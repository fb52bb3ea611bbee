package org.virtd.qemu.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Decoding against a small CPU map written the way libvirt's cpu_map is laid out. */
class X86DecoderTest {
    @TempDir
    Path dir;

    private CpuMap map() throws IOException {
        Files.writeString(dir.resolve("index.xml"), """
                <cpus>
                  <arch name='x86'>
                    <include filename='x86_vendors.xml'/>
                    <include filename='x86_features.xml'/>
                    <include filename='x86_Small.xml'/>
                    <include filename='x86_Big.xml'/>
                  </arch>
                  <arch name='ppc64'>
                    <model name='POWER9'/>
                  </arch>
                </cpus>
                """);
        Files.writeString(dir.resolve("x86_vendors.xml"), """
                <cpus><vendor name='AMD' string='AuthenticAMD'/><vendor name='Intel' string='GenuineIntel'/></cpus>
                """);
        Files.writeString(dir.resolve("x86_features.xml"), """
                <cpus>
                  <feature name='fpu'><cpuid eax_in='0x01' edx='0x00000001'/></feature>
                  <feature name='vme'><cpuid eax_in='0x01' edx='0x00000002'/></feature>
                  <feature name='monitor'><cpuid eax_in='0x01' ecx='0x00000008'/></feature>
                  <feature name='avx2'><cpuid eax_in='0x07' ecx_in='0x00' ebx='0x00000020'/></feature>
                  <feature name='arch-capabilities'><cpuid eax_in='0x07' ecx_in='0x00' edx='0x20000000'/></feature>
                  <feature name='rdctl-no'><msr index='0x10a' edx='0x00000000' eax='0x00000001'/></feature>
                </cpus>
                """);
        Files.writeString(dir.resolve("x86_Small.xml"), """
                <cpus><model name='Small'><decode host='on' guest='on'/><feature name='fpu'/></model></cpus>
                """);
        Files.writeString(dir.resolve("x86_Big.xml"), """
                <cpus><model name='Big'><decode host='on' guest='on'/><signature family='23' model='1'/>
                <vendor name='AMD'/><feature name='fpu'/><feature name='vme'/><feature name='avx2'/>
                <feature name='monitor' removed='yes'/></model></cpus>
                """);
        return CpuMap.load(dir);
    }

    @Test
    void mapListsModelsPerArchInOrder() throws IOException {
        CpuMap m = map();
        assertEquals(List.of("Small", "Big"), m.modelNames("x86"));
        assertEquals(List.of("POWER9"), m.modelNames("ppc64"));
        assertEquals("AMD", m.vendorOfString("AuthenticAMD").orElseThrow());
        assertEquals(6, m.features().size());
    }

    @Test
    void shorterFeatureListWinsAndBlockersAreDisabled() throws IOException {
        CpuMap m = map();
        CpuBits data = m.bitsOf(List.of("fpu", "vme", "monitor"));
        X86Decoder.Decoded d = new X86Decoder(m).decode(new X86Decoder.CpuData(data, "AMD", 15, 107),
                Map.of("Small", List.of(), "Big", List.of("avx2", "vme")), true);
        // Small needs vme and monitor required (2); Big monitor required, avx2 and its blocker vme disabled (3)
        assertEquals("Small", d.model());
        assertEquals(List.of(new X86Decoder.Feature("vme", "require"), new X86Decoder.Feature("monitor", "require")),
                d.features());
    }

    @Test
    void onEqualCostFewerDisabledWins() throws IOException {
        CpuMap m = map();
        CpuBits data = m.bitsOf(List.of("fpu", "vme", "avx2"));
        X86Decoder.Decoded d = new X86Decoder(m).decode(new X86Decoder.CpuData(data, "AMD", 15, 107),
                Map.of("Small", List.of(), "Big", List.of()), true);
        // Big (met first) disables only the removed monitor, weighed 2; Small requires vme and avx2: both cost 2
        assertEquals("Small", d.model());
    }

    @Test
    void onlyTheFirstHalfOfTheDisabledFeaturesIsWeighed() {
        // the totals and penalties libvirtd 9.0 logs for the TCG host-models of this host
        assertEquals(List.of(49L, 2L), cost(46, 2, true)); // qemu-system-i386: Opteron_G2
        assertEquals(List.of(51L, 27L), cost(18, 12, true)); // qemu-system-i386: EPYC
        assertEquals(List.of(43L, 20L), cost(18, 10, true)); // qemu-system-x86_64: EPYC
        assertEquals(List.of(5L, 0L), cost(3, 2, false)); // a host CPU counts features
    }

    private static List<Long> cost(int required, int disabled, boolean guest) {
        List<X86Decoder.Feature> fs = new ArrayList<>();
        for (int i = 0; i < required; i++) {
            fs.add(new X86Decoder.Feature("r" + i, "require"));
        }
        for (int i = 0; i < disabled; i++) {
            fs.add(new X86Decoder.Feature("d" + i, "disable"));
        }
        long[] c = X86Decoder.cost(new X86Decoder.Decoded("M", null, fs), guest);
        return List.of(c[0], c[1]);
    }

    @Test
    void signatureMatchBeatsFeatureCount() throws IOException {
        CpuMap m = map();
        CpuBits data = m.bitsOf(List.of("fpu"));
        X86Decoder.Decoded d = new X86Decoder(m).decode(new X86Decoder.CpuData(data, "AMD", 23, 1), null, true);
        assertEquals("Big", d.model());
        assertEquals(List.of("vme", "avx2", "monitor"), d.features().stream().map(X86Decoder.Feature::name).toList());
        assertTrue(d.features().stream().allMatch(f -> f.policy().equals("disable")));
    }

    @Test
    void featureNamesFollowQemuSpelling() {
        assertEquals("fxsr_opt", QemuFeatureNames.toLibvirt("fxsr-opt"));
        assertEquals("pclmuldq", QemuFeatureNames.toLibvirt("pclmulqdq"));
        assertEquals("sse4.1", QemuFeatureNames.toLibvirt("sse4.1"));
        assertTrue(!QemuFeatureNames.reportable("osxsave"));
    }
}
