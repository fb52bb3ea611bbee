package org.virtd.vbox.mapping;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;
import org.virtd.vbox.mapping.VBoxDevices.Graphics;
import org.virtd.vbox.mapping.VBoxDevices.Port;
import org.virtd.vbox.mapping.VBoxDevices.Share;
import org.virtd.vbox.mapping.VBoxDevices.Video;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/**
 * {@link VBoxDevices} in domain XML: read from the {@code <devices>} of a definition (already
 * validated by the neutral parser), and printed into the dumpxml of the neutral formatter at
 * libvirt's places: filesystems after the controllers, then after the interfaces the serial and
 * parallel ports, graphics, sound and video.
 */
public final class VBoxDevicesXml {
    private static final String IND = "    ";

    private VBoxDevicesXml() {
    }

    public static VBoxDevices parse(String domainXml) throws VirtException {
        Element devices = child(document(domainXml).getDocumentElement(), "devices");
        List<Graphics> graphics = new ArrayList<>();
        List<Port> serials = new ArrayList<>();
        List<Port> parallels = new ArrayList<>();
        List<Share> shares = new ArrayList<>();
        Video video = null;
        String sound = null;
        for (Element e : children(devices)) {
            switch (e.getLocalName() == null ? e.getTagName() : e.getLocalName()) {
                case "graphics" -> graphics.add(graphics(e));
                case "video" -> {
                    Element model = child(e, "model");
                    String type = attr(model, "type");
                    if (video == null && (type == null || type.equals("vbox"))) {
                        Element accel = child(model, "acceleration");
                        video = new Video(number(model, "vram"), number(model, "heads"),
                                yesNo(attr(accel, "accel3d")), yesNo(attr(accel, "accel2d")));
                    }
                }
                case "sound" -> {
                    String model = attr(e, "model");
                    if (sound == null && ("sb16".equals(model) || "ac97".equals(model))) {
                        sound = model;
                    }
                }
                case "serial" -> serials.add(port(e, serials.size()));
                case "parallel" -> parallels.add(port(e, parallels.size()));
                case "filesystem" -> {
                    String type = attr(e, "type");
                    if (type == null || type.equals("mount")) {
                        shares.add(new Share(attr(child(e, "source"), "dir"), attr(child(e, "target"), "dir"),
                                child(e, "readonly") != null));
                    }
                }
                default -> {
                }
            }
        }
        return new VBoxDevices(graphics, video, sound, serials, parallels, shares);
    }

    private static Graphics graphics(Element e) {
        String type = attr(e, "type");
        if (!"rdp".equals(type)) {
            return Graphics.frontend(type, attr(e, "display"));
        }
        String port = attr(e, "port");
        int p = 0;
        try {
            p = port == null ? 0 : Integer.parseInt(port.strip());
        } catch (NumberFormatException ex) {
            // the neutral parser has accepted it; VirtualBox picks a port then
        }
        String listen = attr(e, "listen");
        if (listen == null) {
            listen = attr(child(e, "listen"), "address");
        }
        return new Graphics("rdp", null, Math.max(p, 0), "yes".equals(attr(e, "autoport")), listen,
                "yes".equals(attr(e, "multiUser")), "yes".equals(attr(e, "replaceUser")));
    }

    private static Port port(Element e, int index) {
        String type = attr(e, "type");
        String port = attr(child(e, "target"), "port");
        int p = index;
        try {
            p = port == null ? index : Integer.parseInt(port.strip());
        } catch (NumberFormatException ex) {
            // keep the position
        }
        return new Port(type == null ? "pty" : type, attr(child(e, "source"), "path"), p);
    }

    /** {@code xml} (a whole dumpxml document from the neutral formatter) with {@code d} printed in. */
    public static String splice(String xml, VBoxDevices d) {
        StringBuilder fs = new StringBuilder();
        for (Share s : d.shares()) {
            fs.append(IND).append("<filesystem type='mount' accessmode='passthrough'>\n");
            fs.append(IND).append("  <source dir='").append(esc(s.hostPath())).append("'/>\n");
            fs.append(IND).append("  <target dir='").append(esc(s.name())).append("'/>\n");
            if (s.readonly()) {
                fs.append(IND).append("  <readonly/>\n");
            }
            fs.append(IND).append("</filesystem>\n");
        }
        StringBuilder tail = new StringBuilder();
        d.serials().forEach(p -> port(tail, "serial", p));
        d.parallels().forEach(p -> port(tail, "parallel", p));
        d.graphics().forEach(g -> graphics(tail, g));
        if (d.sound() != null) {
            tail.append(IND).append("<sound model='").append(d.sound()).append("'/>\n");
        }
        if (d.video() != null) {
            video(tail, d.video());
        }
        String end = "  </devices>\n";
        int devEnd = xml.lastIndexOf(end);
        if (devEnd < 0) {
            return xml;
        }
        int nic = xml.indexOf("\n" + IND + "<interface ");
        int fsAt = nic >= 0 && nic < devEnd ? nic + 1 : devEnd;
        return xml.substring(0, fsAt) + fs + xml.substring(fsAt, devEnd) + tail + xml.substring(devEnd);
    }

    private static void port(StringBuilder b, String kind, Port p) {
        b.append(IND).append('<').append(kind).append(" type='").append(p.type()).append("'>\n");
        if (!"null".equals(p.type()) && p.path() != null) {
            b.append(IND).append("  <source path='").append(esc(p.path())).append("'/>\n");
        }
        b.append(IND).append("  <target port='").append(p.port()).append("'/>\n");
        b.append(IND).append("</").append(kind).append(">\n");
    }

    private static void graphics(StringBuilder b, Graphics g) {
        b.append(IND).append("<graphics type='").append(g.type()).append('\'');
        if (!"rdp".equals(g.type())) {
            if (g.display() != null) {
                b.append(" display='").append(esc(g.display())).append('\'');
            }
            b.append("/>\n");
            return;
        }
        if (g.port() > 0) {
            b.append(" port='").append(g.port()).append('\'');
        } else if (g.autoport()) {
            b.append(" port='0'");
        }
        if (g.autoport()) {
            b.append(" autoport='yes'");
        }
        if (g.replaceUser()) {
            b.append(" replaceUser='yes'");
        }
        if (g.multiUser()) {
            b.append(" multiUser='yes'");
        }
        if (g.listen() != null) {
            b.append(" listen='").append(esc(g.listen())).append('\'');
        }
        b.append(">\n").append(IND).append("  <listen type='address'");
        if (g.listen() != null) {
            b.append(" address='").append(esc(g.listen())).append('\'');
        }
        b.append("/>\n").append(IND).append("</graphics>\n");
    }

    private static void video(StringBuilder b, Video v) {
        b.append(IND).append("<video>\n").append(IND).append("  <model type='vbox'");
        if (v.vramKiB() != null) {
            b.append(" vram='").append(v.vramKiB()).append('\'');
        }
        if (v.heads() != null) {
            b.append(" heads='").append(v.heads()).append('\'');
        }
        if (v.accel3d() == null && v.accel2d() == null) {
            b.append("/>\n");
        } else {
            b.append(">\n").append(IND).append("    <acceleration");
            if (v.accel3d() != null) {
                b.append(" accel3d='").append(v.accel3d() ? "yes" : "no").append('\'');
            }
            if (v.accel2d() != null) {
                b.append(" accel2d='").append(v.accel2d() ? "yes" : "no").append('\'');
            }
            b.append("/>\n").append(IND).append("  </model>\n");
        }
        b.append(IND).append("</video>\n");
    }

    static String esc(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '\'' -> b.append("&apos;");
                case '"' -> b.append("&quot;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    private static Document document(String xml) throws VirtException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        } catch (Exception e) {
            throw new VirtException(ErrorCode.XML_ERROR, ErrorDomain.XML, "(domain_definition):" + e.getMessage());
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> out = new ArrayList<>();
        if (parent == null) {
            return out;
        }
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element child(Element parent, String name) {
        for (Element e : children(parent)) {
            if (name.equals(e.getLocalName() == null ? e.getTagName() : e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static String attr(Element e, String name) {
        return e == null || !e.hasAttribute(name) ? null : e.getAttribute(name);
    }

    private static Integer number(Element e, String name) {
        String v = attr(e, name);
        try {
            return v == null ? null : Integer.valueOf(v.strip());
        } catch (NumberFormatException ex) {
            return null;
        }
    }

    private static Boolean yesNo(String v) {
        return v == null ? null : v.equals("yes");
    }
}
