package org.virtd.qemu.cpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * libvirt's CPU map ({@code index.xml} and the files it includes, one {@code <arch>} per CPU
 * driver): model names in map order for every arch, and for x86 the vendors, features and models
 * with their bits. Loaded once from libvirt's installed copy; without one, from our own compact
 * table ({@link CpuMapTable}); an unreadable map is an empty one (no models, no host-model),
 * never an error.
 */
public final class CpuMap {
    public static final Path DEFAULT_DIR = Path.of("/usr/share/libvirt/cpu_map");

    private final Map<String, List<String>> modelNames;
    private final Map<String, String> vendorStrings;
    private final List<X86Feature> features;
    private final List<X86Model> models;

    private CpuMap(Map<String, List<String>> modelNames, Map<String, String> vendorStrings, List<X86Feature> features,
            List<X86Model> models) {
        this.modelNames = modelNames;
        this.vendorStrings = vendorStrings;
        this.features = features;
        this.models = models;
    }

    /**
     * The map libvirt's client library installs ({@link #DEFAULT_DIR}), or without it the table
     * shipped with this driver; read once on first use.
     */
    public static CpuMap installed() {
        return Installed.MAP;
    }

    private static final class Installed {
        static final CpuMap MAP = loadOrShipped(DEFAULT_DIR);
    }

    /** The map in {@code dir} if there is one there, else our shipped table (else an empty map). */
    static CpuMap loadOrShipped(Path dir) {
        if (Files.isRegularFile(dir.resolve("index.xml"))) {
            return load(dir);
        }
        return CpuMapTable.shipped().orElseGet(CpuMap::empty);
    }

    static CpuMap of(Map<String, List<String>> modelNames, Map<String, String> vendorStrings,
            List<X86Feature> features, List<X86Model> models) {
        return new CpuMap(modelNames, vendorStrings, features, models);
    }

    Map<String, List<String>> archModelNames() {
        return modelNames;
    }

    Map<String, String> vendorStrings() {
        return vendorStrings;
    }

    public static CpuMap empty() {
        return new CpuMap(Map.of(), Map.of(), List.of(), List.of());
    }

    public static CpuMap load(Path dir) {
        Path index = dir.resolve("index.xml");
        if (!Files.isRegularFile(index)) {
            return empty();
        }
        try {
            return new Loader(dir).load(index);
        } catch (IOException | SAXException | ParserConfigurationException | RuntimeException e) {
            return empty();
        }
    }

    /** Model names of a cpu_map arch ({@code x86}, {@code ppc64}, {@code arm}) in map order. */
    public List<String> modelNames(String mapArch) {
        return modelNames.getOrDefault(mapArch, List.of());
    }

    public List<X86Feature> features() {
        return features;
    }

    public List<X86Model> models() {
        return models;
    }

    public Optional<X86Feature> feature(String name) {
        return features.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public Optional<X86Model> model(String name) {
        return models.stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /** The vendor name ({@code AMD}) for a CPUID vendor string ({@code AuthenticAMD}). */
    public Optional<String> vendorOfString(String cpuidVendor) {
        return vendorStrings.entrySet().stream().filter(e -> e.getValue().equals(cpuidVendor))
                .map(Map.Entry::getKey).findFirst();
    }

    public boolean hasVendor(String name) {
        return vendorStrings.containsKey(name);
    }

    /** Bits of the named features (unknown names ignored). */
    public CpuBits bitsOf(Iterable<String> featureNames) {
        CpuBits out = CpuBits.empty();
        for (String n : featureNames) {
            feature(n).ifPresent(f -> out.add(f.bits()));
        }
        return out;
    }

    /** The features, in map order, all of whose bits are in {@code data}; their bits are taken out of it. */
    public List<String> featureNames(CpuBits data) {
        List<String> out = new ArrayList<>();
        for (X86Feature f : features) {
            if (data.contains(f.bits())) {
                data.subtract(f.bits());
                out.add(f.name());
            }
        }
        return out;
    }

    private static final class Loader {
        private final Path dir;
        private final Map<String, List<String>> names = new LinkedHashMap<>();
        private final Map<String, String> vendors = new LinkedHashMap<>();
        private final List<X86Feature> features = new ArrayList<>();
        private final List<Element> modelElements = new ArrayList<>();

        Loader(Path dir) {
            this.dir = dir;
        }

        CpuMap load(Path index) throws IOException, SAXException, ParserConfigurationException {
            for (Element arch : children(parse(index).getDocumentElement(), "arch")) {
                String a = arch.getAttribute("name");
                List<String> list = names.computeIfAbsent(a, k -> new ArrayList<>());
                walk(arch, a, list);
            }
            List<X86Model> models = new ArrayList<>();
            for (Element m : modelElements) {
                models.add(model(m));
            }
            return new CpuMap(names, vendors, List.copyOf(features), List.copyOf(models));
        }

        private void walk(Element parent, String arch, List<String> list)
                throws IOException, SAXException, ParserConfigurationException {
            for (Element e : children(parent, null)) {
                switch (e.getTagName()) {
                    case "include" -> walk(parse(dir.resolve(e.getAttribute("filename"))).getDocumentElement(), arch, list);
                    case "model" -> {
                        list.add(e.getAttribute("name"));
                        if (arch.equals("x86")) {
                            modelElements.add(e);
                        }
                    }
                    case "vendor" -> {
                        if (arch.equals("x86")) {
                            vendors.put(e.getAttribute("name"), e.getAttribute("string"));
                        }
                    }
                    case "feature" -> {
                        if (arch.equals("x86")) {
                            features.add(new X86Feature(e.getAttribute("name"), bits(e),
                                    !"no".equals(e.getAttribute("migratable"))));
                        }
                    }
                    default -> {
                        // other arches' data we do not use
                    }
                }
            }
        }

        private X86Model model(Element e) {
            String vendor = null;
            List<int[]> sigs = new ArrayList<>();
            boolean host = true;
            boolean guest = true;
            List<String> feats = new ArrayList<>();
            List<String> removed = new ArrayList<>();
            CpuBits bits = CpuBits.empty();
            for (Element c : children(e, null)) {
                switch (c.getTagName()) {
                    case "vendor" -> vendor = c.getAttribute("name");
                    case "signature" -> sigs.add(new int[] {Integer.parseInt(c.getAttribute("family")),
                            Integer.parseInt(c.getAttribute("model"))});
                    case "decode" -> {
                        host = "on".equals(c.getAttribute("host"));
                        guest = "on".equals(c.getAttribute("guest"));
                    }
                    case "feature" -> {
                        String n = c.getAttribute("name");
                        if ("yes".equals(c.getAttribute("removed"))) {
                            removed.add(n);
                            continue;
                        }
                        feats.add(n);
                        features.stream().filter(f -> f.name().equals(n)).findFirst().ifPresent(f -> bits.add(f.bits()));
                    }
                    default -> {
                        // nothing else matters for decoding
                    }
                }
            }
            return new X86Model(e.getAttribute("name"), vendor, List.copyOf(sigs), host, guest, List.copyOf(feats),
                    List.copyOf(removed), bits);
        }

        private static CpuBits bits(Element feature) {
            Set<String> out = new LinkedHashSet<>();
            for (Element c : children(feature, null)) {
                if (c.getTagName().equals("cpuid")) {
                    String p = "cpuid:" + num(c, "eax_in") + ":" + num(c, "ecx_in");
                    for (String reg : List.of("eax", "ebx", "ecx", "edx")) {
                        CpuBits.addRegister(out, p, reg, num(c, reg));
                    }
                } else if (c.getTagName().equals("msr")) {
                    String p = "msr:" + num(c, "index");
                    CpuBits.addRegister(out, p, "eax", num(c, "eax"));
                    CpuBits.addRegister(out, p, "edx", num(c, "edx"));
                }
            }
            return new CpuBits(out);
        }

        private static long num(Element e, String attr) {
            String v = e.getAttribute(attr);
            if (v.isEmpty()) {
                return 0;
            }
            return v.startsWith("0x") ? Long.parseLong(v.substring(2), 16) : Long.parseLong(v);
        }

        private static Document parse(Path file) throws IOException, SAXException, ParserConfigurationException {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(file.toFile());
        }

        private static List<Element> children(Element parent, String tag) {
            List<Element> out = new ArrayList<>();
            for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && (tag == null || e.getTagName().equals(tag))) {
                    out.add(e);
                }
            }
            return out;
        }
    }
}
