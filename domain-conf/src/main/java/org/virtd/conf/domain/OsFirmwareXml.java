package org.virtd.conf.domain;

import java.util.Set;

import org.virtd.rpc.error.VirtException;
import org.w3c.dom.Element;

/**
 * Reads and writes {@link OsFirmware}: the {@code firmware} attribute of {@code <os>}, then
 * {@code <firmware>} (features in libvirt's fixed order, enrolled-keys before secure-boot),
 * {@code <loader>} and {@code <nvram>}, in the place libvirt prints them (right after {@code <type>}).
 */
final class OsFirmwareXml {
    private static final Set<String> YES_NO = Set.of("yes", "no");

    private OsFirmwareXml() {
    }

    static OsFirmware parse(Element os) throws VirtException {
        String fw = DefErrors.requireEnum(Dom.attr(os, "firmware"), Set.of("efi", "bios"), "firmware", "os");
        String keys = null;
        String secure = null;
        for (Element f : Dom.children(Dom.child(os, "firmware"), "feature")) {
            String enabled = DefErrors.requireEnum(Dom.attr(f, "enabled"), YES_NO, "enabled", "feature");
            String name = DefErrors.requireEnum(Dom.attr(f, "name"), Set.of("enrolled-keys", "secure-boot"), "name",
                    "feature");
            if ("enrolled-keys".equals(name)) {
                keys = enabled;
            } else if (name != null) {
                secure = enabled;
            }
        }
        Element l = Dom.child(os, "loader");
        OsFirmware.Loader loader = l == null ? null : new OsFirmware.Loader(
                DefErrors.requireEnum(Dom.attr(l, "readonly"), YES_NO, "readonly", "loader"),
                DefErrors.requireEnum(Dom.attr(l, "secure"), YES_NO, "secure", "loader"),
                DefErrors.requireEnum(Dom.attr(l, "type"), Set.of("rom", "pflash"), "type", "loader"),
                blankToNull(l.getTextContent()));
        Element n = Dom.child(os, "nvram");
        OsFirmware.Nvram nvram = n == null ? null
                : new OsFirmware.Nvram(Dom.attr(n, "template"), blankToNull(n.getTextContent()));
        return new OsFirmware(fw, keys, secure, loader, nvram);
    }

    static void format(XmlWriter w, OsFirmware fw) {
        if (fw == null) {
            return;
        }
        if (fw.enrolledKeys() != null || fw.secureBoot() != null) {
            w.open("firmware");
            feature(w, "enrolled-keys", fw.enrolledKeys());
            feature(w, "secure-boot", fw.secureBoot());
            w.end("firmware");
        }
        OsFirmware.Loader l = fw.loader();
        if (l != null) {
            w.open("loader").attr("readonly", l.readonly()).attr("secure", l.secure()).attr("type", l.type());
            if (l.path() != null) {
                w.textAndEnd("loader", l.path());
            } else {
                w.end("loader");
            }
        }
        OsFirmware.Nvram n = fw.nvram();
        if (n != null) {
            w.open("nvram").attr("template", n.template());
            if (n.path() != null) {
                w.textAndEnd("nvram", n.path());
            } else {
                w.end("nvram");
            }
        }
    }

    private static void feature(XmlWriter w, String name, String enabled) {
        if (enabled != null) {
            w.open("feature").attr("enabled", enabled).attr("name", name).end("feature");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
