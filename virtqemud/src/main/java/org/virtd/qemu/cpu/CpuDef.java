package org.virtd.qemu.cpu;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A {@code <cpu>} element as cpu-compare and cpu-baseline read it: a host CPU (no mode or match
 * attribute; every feature required) or a guest CPU (mode, match, features with policies), with
 * its arch, model, fallback and vendor.
 */
public record CpuDef(boolean host, String mode, String match, String arch, String model, String fallback,
        String vendor, List<Feature> features) {

    /** A feature and its policy (force, require, optional, disable, forbid). */
    public record Feature(String name, String policy) {
    }

    public CpuDef {
        features = List.copyOf(features);
    }

    /**
     * Parses one CPU element.
     *
     * @param forceHost read it as a host CPU whatever its attributes (cpu-baseline does)
     * @throws CpuXmlException with libvirt's wording when the XML is not a usable CPU
     */
    public static CpuDef parse(String xml, boolean forceHost) {
        Element cpu;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            cpu = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                    .getDocumentElement();
        } catch (IOException | SAXException | ParserConfigurationException e) {
            throw new CpuXmlException(e.getMessage(), false);
        }
        if (!cpu.getTagName().equals("cpu")) {
            throw new CpuXmlException("XML does not contain expected 'cpu' element", false);
        }
        if (forceHost && cpu.hasAttribute("mode")) {
            throw new CpuXmlException("Attribute mode is only allowed for guest CPU", true);
        }
        boolean host = forceHost || !cpu.hasAttribute("mode") && !cpu.hasAttribute("match");
        String arch = text(cpu, "arch");
        if (host && arch == null) {
            throw new CpuXmlException("Missing CPU architecture", false);
        }
        String model = text(cpu, "model");
        if (host && model == null) {
            throw new CpuXmlException("Missing CPU model name", false);
        }
        String fallback = null;
        String vendor = text(cpu, "vendor");
        List<Feature> features = new ArrayList<>();
        for (Node n = cpu.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (e.getTagName().equals("model") && e.hasAttribute("fallback")) {
                    fallback = e.getAttribute("fallback");
                } else if (e.getTagName().equals("feature")) {
                    String policy = host || !e.hasAttribute("policy") ? "require" : e.getAttribute("policy");
                    features.add(new Feature(e.getAttribute("name"), policy));
                }
            }
        }
        return new CpuDef(host, host ? null : cpu.getAttribute("mode").isEmpty() ? "custom" : cpu.getAttribute("mode"),
                host ? null : cpu.getAttribute("match").isEmpty() ? "exact" : cpu.getAttribute("match"),
                arch, model, fallback, vendor, features);
    }

    private static String text(Element cpu, String tag) {
        for (Node n = cpu.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }

    /** libvirt's rendering of a guest CPU definition (the cpu-baseline answer). */
    public String format() {
        StringBuilder x = new StringBuilder("<cpu mode='custom' match='exact'>\n");
        if (model != null) {
            x.append("  <model fallback='").append(fallback == null ? "allow" : fallback).append("'>").append(model)
                    .append("</model>\n");
        }
        if (vendor != null) {
            x.append("  <vendor>").append(vendor).append("</vendor>\n");
        }
        for (Feature f : features) {
            x.append("  <feature policy='").append(f.policy()).append("' name='").append(f.name()).append("'/>\n");
        }
        return x.append("</cpu>\n").toString();
    }
}
