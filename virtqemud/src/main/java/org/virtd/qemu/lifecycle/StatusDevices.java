package org.virtd.qemu.lifecycle;

import org.virtd.conf.domain.Devices;
import org.virtd.conf.domain.DomainDef;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a status file says of disks and NICs beyond their definition: the aliases and source
 * numbers the run gave them. Devices added while running do not follow the start-time rules
 * (a NIC plugged after another was removed, a disk's node numbered after all others), so a
 * re-attach takes them from the file rather than deriving them again.
 */
final class StatusDevices {

    private StatusDevices() {
    }

    static DomainDef restore(DomainDef parsed, String statusXml) {
        Devices d = parsed.devices();
        if (d == null) {
            return parsed;
        }
        Map<String, String[]> disks = new HashMap<>();
        Map<String, String> nics = new HashMap<>();
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document doc = f.newDocumentBuilder().parse(new org.xml.sax.InputSource(new StringReader(statusXml)));
            NodeList list = doc.getElementsByTagName("disk");
            for (int i = 0; i < list.getLength(); i++) {
                Element e = (Element) list.item(i);
                String target = attr(e, "target", "dev");
                if (target != null) {
                    disks.put(target, new String[] {attr(e, "alias", "name"), attr(e, "source", "index")});
                }
            }
            list = doc.getElementsByTagName("interface");
            for (int i = 0; i < list.getLength(); i++) {
                Element e = (Element) list.item(i);
                String mac = attr(e, "mac", "address");
                if (mac != null) {
                    nics.put(mac.toLowerCase(java.util.Locale.ROOT), attr(e, "alias", "name"));
                }
            }
        } catch (Exception e) {
            return parsed;
        }
        List<Devices.DiskDef> outDisks = new ArrayList<>();
        for (Devices.DiskDef k : d.disks()) {
            String[] s = disks.get(k.targetDev());
            if (s != null && s[0] != null && k.alias() == null) {
                k = k.withAlias(s[0]);
            }
            if (s != null && s[1] != null && s[1].matches("\\d+")) {
                k = k.withSourceIndex(Integer.parseInt(s[1]));
            }
            outDisks.add(k);
        }
        List<Devices.InterfaceDef> outNics = new ArrayList<>();
        for (Devices.InterfaceDef n : d.interfaces()) {
            String alias = n.mac() == null ? null : nics.get(n.mac().toLowerCase(java.util.Locale.ROOT));
            outNics.add(alias != null && n.alias() == null ? n.withAlias(alias) : n);
        }
        return parsed.withDevices(d.withDisks(outDisks).withInterfaces(outNics));
    }

    /** The attribute of the first child element named {@code child} of a device. */
    private static String attr(Element device, String child, String name) {
        NodeList l = device.getChildNodes();
        for (int i = 0; i < l.getLength(); i++) {
            if (l.item(i) instanceof Element c && c.getTagName().equals(child)) {
                return c.hasAttribute(name) ? c.getAttribute(name) : null;
            }
        }
        return null;
    }
}
