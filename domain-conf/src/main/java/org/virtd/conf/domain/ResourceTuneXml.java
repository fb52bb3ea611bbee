package org.virtd.conf.domain;

import org.virtd.conf.domain.ResourceTune.BlkioTune;
import org.virtd.conf.domain.ResourceTune.Device;
import org.virtd.conf.domain.ResourceTune.MemTune;
import org.virtd.rpc.error.VirtException;
import org.w3c.dom.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and prints {@code <memtune>}, {@code <blkiotune>} and the bandwidth part of
 * {@code <cputune>}, with libvirt's element order and its "can't parse" messages.
 */
final class ResourceTuneXml {
    /** VIR_DOMAIN_MEMORY_PARAM_UNLIMITED: a limit this high is the same as no limit. */
    static final long UNLIMITED_KIB = 9007199254740991L;

    private ResourceTuneXml() {
    }

    static ResourceTune parse(Element root) throws VirtException {
        return new ResourceTune(memtune(Dom.child(root, "memtune")), blkiotune(Dom.child(root, "blkiotune")));
    }

    private static MemTune memtune(Element e) throws VirtException {
        if (e == null) {
            return MemTune.NONE;
        }
        return new MemTune(limit(e, "hard_limit"), limit(e, "soft_limit"), limit(e, "swap_hard_limit"));
    }

    private static Long limit(Element memtune, String name) throws VirtException {
        Element e = Dom.child(memtune, name);
        if (e == null) {
            return null;
        }
        long kib = MemoryUnits.toKiB(e.getTextContent(), Dom.attr(e, "unit"), "./memtune[1]/" + name + "[1]");
        return kib >= UNLIMITED_KIB ? null : kib;
    }

    private static BlkioTune blkiotune(Element e) throws VirtException {
        if (e == null) {
            return BlkioTune.NONE;
        }
        String w = Dom.text(e, "weight");
        int weight = w == null ? 0 : (int) number(w, "blkiotune weight");
        List<Device> devices = new ArrayList<>();
        for (Element d : Dom.children(e, "device")) {
            String path = Dom.text(d, "path");
            if (path == null) {
                throw DefErrors.xml("missing path for blkiotune device");
            }
            long[] v = new long[Device.Field.values().length];
            for (Device.Field f : Device.Field.values()) {
                String text = Dom.text(d, f.element);
                v[f.ordinal()] = text == null ? 0 : number(text, "blkiotune device " + f.element);
            }
            for (Device seen : devices) {
                if (seen.path().equals(path.strip())) {
                    throw DefErrors.xml("duplicate blkio device path '" + path.strip() + "'");
                }
            }
            devices.add(new Device(path.strip(), v[0], v[1], v[2], v[3], v[4]));
        }
        return new BlkioTune(weight, devices);
    }

    /** The non-zero {@code <cputune>} bandwidth children by element name. */
    static Map<String, Long> bandwidth(Element cputune) throws VirtException {
        Map<String, Long> out = new HashMap<>();
        for (String name : CpuTune.BANDWIDTH) {
            String text = Dom.text(cputune, name);
            if (text == null) {
                continue;
            }
            long v;
            try {
                v = name.endsWith("quota") ? Long.parseLong(text.strip()) : Long.parseUnsignedLong(text.strip());
            } catch (NumberFormatException ex) {
                throw DefErrors.xml("can't parse cputune " + name.replace('_', ' ') + " value");
            }
            out.put(name, v);
        }
        return out;
    }

    private static long number(String text, String what) throws VirtException {
        try {
            return Long.parseUnsignedLong(text.strip());
        } catch (NumberFormatException ex) {
            throw DefErrors.xml("can't parse " + what + " value");
        }
    }

    static void format(XmlWriter w, ResourceTune tune) {
        BlkioTune b = tune.blkio();
        if (!b.isEmpty()) {
            w.open("blkiotune");
            w.textElement("weight", b.weight() == 0 ? null : b.weight());
            for (Device d : b.devices()) {
                w.open("device").textElement("path", d.path());
                for (Device.Field f : Device.Field.values()) {
                    w.textElement(f.element, d.value(f) == 0 ? null : d.value(f));
                }
                w.end("device");
            }
            w.end("blkiotune");
        }
        MemTune m = tune.memory();
        if (!m.isEmpty()) {
            w.open("memtune");
            limit(w, "hard_limit", m.hardLimitKiB());
            limit(w, "soft_limit", m.softLimitKiB());
            limit(w, "swap_hard_limit", m.swapHardLimitKiB());
            w.end("memtune");
        }
    }

    private static void limit(XmlWriter w, String name, Long kib) {
        if (kib != null) {
            w.open(name).attr("unit", "KiB").textAndEnd(name, kib);
        }
    }
}
