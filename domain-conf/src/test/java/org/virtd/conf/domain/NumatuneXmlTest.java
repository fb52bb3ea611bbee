package org.virtd.conf.domain;

import org.junit.jupiter.api.Test;
import org.virtd.rpc.error.VirtException;

import java.util.BitSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code <numatune>} as libvirtd 9.0 parses and prints it (the answers of the anchor daemon). */
class NumatuneXmlTest {
    private static final DomainXmlParser PARSER = new DomainXmlParser(TestOptions.NEUTRAL);
    private static final String CELLS = "<cpu><numa><cell id='0' cpus='0-1' memory='131072'/></numa></cpu>";

    private static String xml(String vcpuAttrs, String numatune, String cpu) {
        return "<domain type='qemu'><name>t</name><memory>131072</memory><vcpu" + vcpuAttrs + ">2</vcpu>"
                + numatune + "<os><type>hvm</type></os>" + cpu + "</domain>";
    }

    /** The {@code <vcpu>} line and the {@code <numatune>} block of the printed definition. */
    private static String printed(String vcpuAttrs, String numatune, String cpu) throws VirtException {
        String out = DomainXmlFormatter.format(PARSER.parse(xml(vcpuAttrs, numatune, cpu), false),
                DomainXmlFormatter.Options.INACTIVE);
        int from = out.indexOf("  <vcpu");
        return out.substring(from, out.indexOf("  <os>"));
    }

    private static String printed(String numatune) throws VirtException {
        return printed("", numatune, "");
    }

    private static String error(String vcpuAttrs, String numatune, String cpu) {
        VirtException e = assertThrows(VirtException.class, () -> PARSER.parse(xml(vcpuAttrs, numatune, cpu), false));
        return e.code().wire + "/" + e.error().domain().wire + " " + e.getMessage();
    }

    private static String error(String numatune) {
        return error("", numatune, "");
    }

    @Test
    void defaultsAreFilledIn() throws VirtException {
        String strict0 = "  <vcpu placement='static'>2</vcpu>\n  <numatune>\n    <memory mode='strict' nodeset='0'/>\n"
                + "  </numatune>\n";
        assertEquals(strict0, printed("<numatune><memory nodeset='0'/></numatune>"));
        assertEquals(strict0, printed("<numatune><memory nodeset='0-1,^1'/></numatune>"));
        assertEquals(strict0, printed("<numatune><memory mode='strict' placement='static' nodeset='0'/></numatune>"));
        assertEquals("  <vcpu placement='static'>2</vcpu>\n", printed("<numatune/>"));
        assertEquals("  <vcpu placement='static'>2</vcpu>\n", printed("<numatune><memory/></numatune>"));
        assertTrue(printed("<numatune><memory mode='restrictive' nodeset='0,2-3'/></numatune>")
                .contains("<memory mode='restrictive' nodeset='0,2-3'/>"));
    }

    @Test
    void automaticPlacementFollowsTheVcpus() throws VirtException {
        String auto = "  <vcpu placement='auto'>2</vcpu>\n  <numatune>\n    <memory mode='strict' placement='auto'/>\n"
                + "  </numatune>\n";
        assertEquals(auto, printed("<numatune><memory placement='auto'/></numatune>"));
        assertEquals(auto, printed("<numatune><memory placement='auto' nodeset='0'/></numatune>"));
        assertEquals(auto, printed(" placement='auto'", "", ""));
        // a nodeset keeps the memory static while the vCPUs stay automatic
        assertTrue(printed(" placement='auto'", "<numatune><memory mode='interleave' nodeset='0'/></numatune>", "")
                .startsWith("  <vcpu placement='auto'>2</vcpu>\n  <numatune>\n    <memory mode='interleave' nodeset='0'/>"));
        // automatic memory placement makes unpinned vCPUs automatic too
        assertTrue(printed(" placement='static'", "<numatune><memory mode='preferred' placement='auto'/></numatune>", "")
                .startsWith("  <vcpu placement='auto'>2</vcpu>\n  <numatune>\n    <memory mode='preferred' placement='auto'/>"));
        assertTrue(printed("", "<numatune><memory placement='auto'/></numatune><cputune><vcpupin vcpu='0' cpuset='0'/>"
                + "</cputune>", "").startsWith("  <vcpu placement='static'>2</vcpu>"));
    }

    @Test
    void memoryErrors() {
        assertEquals("67/20 unsupported configuration: nodeset for NUMA memory tuning must be set if 'placement' "
                + "is 'static'", error("<numatune><memory mode='preferred'/></numatune>"));
        assertEquals("67/20 unsupported configuration: nodeset for NUMA memory tuning must be set if 'placement' "
                + "is 'static'", error(" placement='auto'", "<numatune><memory placement='static'/></numatune>", ""));
        assertEquals("67/20 unsupported configuration: Unsupported NUMA memory tuning mode 'bogus'",
                error("<numatune><memory mode='bogus' nodeset='0'/></numatune>"));
        assertEquals("67/20 unsupported configuration: Unsupported NUMA memory placement mode 'x'",
                error("<numatune><memory placement='x'/></numatune>"));
        assertEquals("8/0 invalid argument: Failed to parse bitmap 'x'", error("<numatune><memory nodeset='x'/></numatune>"));
        assertEquals("8/0 invalid argument: Failed to parse bitmap ''", error("<numatune><memory nodeset=''/></numatune>"));
        assertEquals("67/20 unsupported configuration: Invalid value of 'nodeset': ^0",
                error("<numatune><memory nodeset='^0'/></numatune>"));
        assertEquals("27/20 XML error: only one numatune is supported", error("<numatune/><numatune/>"));
    }

    @Test
    void memnodes() throws VirtException {
        assertTrue(printed("", "<numatune><memnode cellid='0' nodeset='0'/></numatune>", CELLS)
                .contains("  <numatune>\n    <memnode cellid='0' mode='strict' nodeset='0'/>\n  </numatune>\n"));
        assertEquals("27/20 XML error: Element 'memnode' is invalid without any guest NUMA cells",
                error("<numatune><memnode cellid='0' nodeset='0'/></numatune>"));
        assertEquals("67/20 unsupported configuration: Per-node binding is not compatible with automatic NUMA "
                + "placement.", error("", "<numatune><memory placement='auto'/><memnode cellid='0' nodeset='0'/>"
                + "</numatune>", CELLS));
        assertEquals("27/5 XML error: Missing required attribute 'cellid' in element 'memnode'",
                error("", "<numatune><memnode nodeset='0'/></numatune>", CELLS));
        assertEquals("27/5 XML error: Invalid value for attribute 'cellid' in element 'memnode': 'x'. Expected "
                + "non-negative integer value", error("", "<numatune><memnode cellid='x' nodeset='0'/></numatune>", CELLS));
        assertEquals("27/20 XML error: Argument 'cellid' in memnode element must correspond to existing guest's "
                + "NUMA cell", error("", "<numatune><memnode cellid='1' nodeset='0'/></numatune>", CELLS));
        assertEquals("27/20 XML error: Multiple memnode elements with cellid 0", error("",
                "<numatune><memnode cellid='0' nodeset='0'/><memnode cellid='0' nodeset='0'/></numatune>", CELLS));
        assertEquals("27/5 XML error: Invalid value for attribute 'mode' in element 'memnode': 'bad'.",
                error("", "<numatune><memnode cellid='0' mode='bad' nodeset='0'/></numatune>", CELLS));
        assertEquals("27/20 XML error: Missing required nodeset attribute in memnode element",
                error("", "<numatune><memnode cellid='0'/></numatune>", CELLS));
        assertEquals("27/20 XML error: 'restrictive' mode is required in memnode element when mode is "
                + "'restrictive' in memory element", error("", "<numatune><memory mode='restrictive' nodeset='0'/>"
                + "<memnode cellid='0' nodeset='0'/></numatune>", CELLS));
    }

    @Test
    void settingChangesLikeTheTypedParameters() throws VirtException {
        BitSet zero = CpuSet.parse("0");
        Numatune n = Numatune.NONE.with(true, null, null, zero);
        assertEquals(Numatune.Mode.STRICT, n.mode());
        assertEquals("0", n.nodesetText());
        n = n.with(true, Numatune.Mode.INTERLEAVE, null, null);
        assertEquals(Numatune.Mode.INTERLEAVE, n.mode());
        assertEquals("0", n.nodesetText());
        VirtException e = assertThrows(VirtException.class,
                () -> Numatune.NONE.with(true, Numatune.Mode.INTERLEAVE, null, null));
        assertTrue(e.getMessage().contains("nodeset for NUMA memory tuning must be set"), e.getMessage());
        assertFalse(Numatune.NONE.with(false, Numatune.Mode.PREFERRED, null, null).nodeset() != null);
        assertEquals("", Numatune.NONE.nodesetText());
        assertEquals(Numatune.Mode.STRICT, Numatune.NONE.mode());
    }
}
