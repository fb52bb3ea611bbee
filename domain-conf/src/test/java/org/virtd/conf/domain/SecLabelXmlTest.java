package org.virtd.conf.domain;

import org.junit.jupiter.api.Test;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.VirtException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SecLabelXmlTest {
    private static final DomainXmlParser PARSER = new DomainXmlParser(TestOptions.NEUTRAL);

    private static String domain(String seclabel) {
        return "<domain type='qemu'><name>t</name><memory>65536</memory><os><type>hvm</type></os>"
                + seclabel + "</domain>";
    }

    @Test
    void aStaticLabelIsKeptAndPrintedWithoutRelabellingByDefault() throws VirtException {
        DomainDef def = PARSER.parse(domain("<seclabel type='static' model='dac'><label> +107:+107 </label></seclabel>"),
                false);
        assertEquals(new SecLabel("static", "dac", false, "+107:+107"), def.seclabel());
        String out = DomainXmlFormatter.format(def, DomainXmlFormatter.Options.INACTIVE);
        assertTrue(out.contains("  <seclabel type='static' model='dac' relabel='no'>\n"
                + "    <label>+107:+107</label>\n  </seclabel>\n"), out);
    }

    @Test
    void noneIsAnEmptyElementAndADynamicOneIsNotPrintedWhileInactive() throws VirtException {
        String none = DomainXmlFormatter.format(PARSER.parse(domain("<seclabel type='none' model='dac'/>"), false),
                DomainXmlFormatter.Options.INACTIVE);
        assertTrue(none.contains("  <seclabel type='none' model='dac'/>\n"), none);
        DomainDef dynamic = PARSER.parse(domain("<seclabel type='dynamic' model='dac'/>"), false);
        assertTrue(dynamic.seclabel().relabel());
        assertFalse(DomainXmlFormatter.format(dynamic, DomainXmlFormatter.Options.INACTIVE).contains("seclabel"));
    }

    @Test
    void refusesWhatLibvirtRefuses() {
        VirtException a = assertThrows(VirtException.class,
                () -> PARSER.parse(domain("<seclabel type='dynamic' model='dac' relabel='no'/>"), false));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, a.error().code());
        VirtException b = assertThrows(VirtException.class,
                () -> PARSER.parse(domain("<seclabel type='none' model='dac' relabel='yes'/>"), false));
        assertEquals(ErrorCode.CONFIG_UNSUPPORTED, b.error().code());
        VirtException c = assertThrows(VirtException.class,
                () -> PARSER.parse(domain("<seclabel type='static' model='dac'/>"), false));
        assertEquals(ErrorCode.XML_ERROR, c.error().code());
    }
}
