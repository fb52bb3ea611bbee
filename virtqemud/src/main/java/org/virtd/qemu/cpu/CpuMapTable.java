package org.virtd.qemu.cpu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Our own compact copy of what this driver uses from libvirt's CPU map (model names per arch; x86
 * vendors, feature bits and models), for hosts without libvirt's client library. It is generated
 * from an installed map ({@link #write}; CpuMapTableTest regenerates the resource with
 * {@code -Dvirtd.regenerate=true} and fails while it is stale) and read when no map is installed.
 * One record per line, tab-separated: {@code arch NAME MODEL...}, {@code vendor NAME STRING},
 * {@code feature NAME MIGRATABLE BIT...}, {@code model NAME VENDOR HOST GUEST SIGNATURES FEATURES REMOVED}
 * ({@code -} for none, lists comma-separated, signatures as family/model).
 */
public final class CpuMapTable {
    public static final String RESOURCE = "cpu-map.tsv";
    private static final String NONE = "-";

    private CpuMapTable() {
    }

    /** The table shipped with the driver; empty if it is missing or unreadable. */
    public static Optional<CpuMap> shipped() {
        try (InputStream in = CpuMapTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static CpuMap read(BufferedReader in) throws IOException {
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, String> vendors = new LinkedHashMap<>();
        List<X86Feature> features = new ArrayList<>();
        List<X86Model> models = new ArrayList<>();
        Map<String, X86Feature> byName = new LinkedHashMap<>();
        String line;
        while ((line = in.readLine()) != null) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            switch (f[0]) {
                case "arch" -> names.put(f[1], List.of(Arrays.copyOfRange(f, 2, f.length)));
                case "vendor" -> vendors.put(f[1], f[2]);
                case "feature" -> {
                    X86Feature feat = new X86Feature(f[1], CpuBits.of(List.of(Arrays.copyOfRange(f, 3, f.length))),
                            f[2].equals("1"));
                    features.add(feat);
                    byName.put(feat.name(), feat);
                }
                case "model" -> {
                    List<String> feats = list(f[6]);
                    CpuBits bits = CpuBits.empty();
                    feats.stream().map(byName::get).filter(x -> x != null).forEach(x -> bits.add(x.bits()));
                    List<int[]> sigs = list(f[5]).stream().map(s -> s.split("/"))
                            .map(s -> new int[] {Integer.parseInt(s[0]), Integer.parseInt(s[1])}).toList();
                    models.add(new X86Model(f[1], f[2].equals(NONE) ? null : f[2], sigs, f[3].equals("1"),
                            f[4].equals("1"), feats, list(f[7]), bits));
                }
                default -> throw new IOException("unknown record " + f[0]);
            }
        }
        return CpuMap.of(names, vendors, List.copyOf(features), List.copyOf(models));
    }

    /** {@code map} as the table's text. */
    public static String write(CpuMap map) {
        StringBuilder sb = new StringBuilder("# Generated from libvirt's cpu_map by CpuMapTableTest; do not edit.\n");
        for (Map.Entry<String, List<String>> a : map.archModelNames().entrySet()) {
            sb.append("arch\t").append(a.getKey());
            a.getValue().forEach(n -> sb.append('\t').append(n));
            sb.append('\n');
        }
        map.vendorStrings().forEach((n, s) -> sb.append("vendor\t").append(n).append('\t').append(s).append('\n'));
        for (X86Feature f : map.features()) {
            sb.append("feature\t").append(f.name()).append('\t').append(f.migratable() ? 1 : 0);
            f.bits().view().forEach(b -> sb.append('\t').append(b));
            sb.append('\n');
        }
        for (X86Model m : map.models()) {
            sb.append("model\t").append(m.name()).append('\t').append(m.vendor() == null ? NONE : m.vendor())
                    .append('\t').append(m.decodeHost() ? 1 : 0).append('\t').append(m.decodeGuest() ? 1 : 0)
                    .append('\t').append(joined(m.signatures().stream().map(s -> s[0] + "/" + s[1]).toList()))
                    .append('\t').append(joined(m.features())).append('\t').append(joined(m.removed())).append('\n');
        }
        return sb.toString();
    }

    private static String joined(List<String> items) {
        return items.isEmpty() ? NONE : String.join(",", items);
    }

    private static List<String> list(String field) {
        return field.equals(NONE) ? List.of() : List.of(field.split(","));
    }
}
