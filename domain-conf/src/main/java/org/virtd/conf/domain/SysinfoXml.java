package org.virtd.conf.domain;

import org.virtd.conf.domain.DomainDef.Sysinfo;
import org.virtd.conf.domain.DomainDef.Sysinfo.Entry;
import org.virtd.rpc.error.VirtException;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code <sysinfo type='smbios'>} read and printed as libvirt does: the known {@code <bios>} and
 * {@code <system>} entries kept, each section in libvirt's fixed field order whatever the
 * document's order, unknown entry names dropped.
 */
final class SysinfoXml {

    private static final List<String> BIOS = List.of("vendor", "version", "date", "release");
    private static final List<String> SYSTEM = List.of("manufacturer", "product", "version", "serial", "uuid",
            "sku", "family");

    private SysinfoXml() {
    }

    static Sysinfo parse(Element sysinfo) throws VirtException {
        if (sysinfo == null) {
            return null;
        }
        String type = Dom.attr(sysinfo, "type");
        if (!"smbios".equals(type)) {
            throw DefErrors.unsupported("unknown sysinfo type '" + type + "'");
        }
        return new Sysinfo(section(Dom.child(sysinfo, "bios"), BIOS), section(Dom.child(sysinfo, "system"), SYSTEM));
    }

    private static List<Entry> section(Element e, List<String> order) {
        List<Entry> out = new ArrayList<>();
        for (String name : order) {
            for (Element entry : Dom.children(e, "entry")) {
                if (name.equals(Dom.attr(entry, "name")) && !entry.getTextContent().isBlank()) {
                    out.add(new Entry(name, entry.getTextContent().strip()));
                    break;
                }
            }
        }
        return out;
    }

    static void format(XmlWriter w, Sysinfo s) {
        if (s == null) {
            return;
        }
        w.open("sysinfo").attr("type", "smbios");
        section(w, "bios", s.bios());
        section(w, "system", s.system());
        w.end("sysinfo");
    }

    private static void section(XmlWriter w, String name, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        w.open(name);
        entries.forEach(en -> w.open("entry").attr("name", en.name()).textAndEnd("entry", en.value()));
        w.end(name);
    }
}
