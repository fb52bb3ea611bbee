package org.virtd.rpc.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds package import cycles among a module's main sources: an edge for every import of, or
 * fully qualified reference to, another {@code org.virtd} package. Every module's layering test
 * asserts it finds none.
 */
public final class PackageCycles {
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?(org\\.virtd\\.[\\w.]+)\\s*;",
            Pattern.MULTILINE);
    /** A fully qualified name in code counts as much as an import. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b(org\\.virtd(?:\\.[a-z]\\w*)+)\\.[A-Z]");

    private PackageCycles() {
    }

    /** The pairs of packages that reach each other ("a <-> b"), under {@code sourceRoot}. */
    public static List<String> in(Path sourceRoot) throws IOException {
        Map<String, Set<String>> uses = graph(sourceRoot);
        List<String> cycles = new ArrayList<>();
        for (String p : uses.keySet()) {
            for (String q : uses.get(p)) {
                if (p.compareTo(q) < 0 && reaches(uses, q, p, new TreeSet<>())) {
                    cycles.add(p + " <-> " + q);
                }
            }
        }
        return cycles;
    }

    /** Package → the other packages it uses. */
    public static Map<String, Set<String>> graph(Path sourceRoot) throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        if (!Files.isDirectory(sourceRoot)) {
            return uses;
        }
        List<Path> files;
        try (Stream<Path> all = Files.walk(sourceRoot)) {
            files = all.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
        for (Path f : files) {
            String text = Files.readString(f);
            Matcher pkg = PACKAGE.matcher(text);
            if (!pkg.find()) {
                continue;
            }
            Set<String> used = uses.computeIfAbsent(pkg.group(1), k -> new TreeSet<>());
            for (Matcher m = IMPORT.matcher(text); m.find(); ) {
                used.add(packageOf(m.group(1)));
            }
            for (Matcher m = QUALIFIED.matcher(text); m.find(); ) {
                used.add(m.group(1));
            }
            used.remove(pkg.group(1));
        }
        return uses;
    }

    /** The package part of an imported name: everything before its first capitalised segment. */
    private static String packageOf(String name) {
        StringBuilder sb = new StringBuilder();
        for (String part : name.split("\\.")) {
            if (Character.isUpperCase(part.charAt(0))) {
                break;
            }
            sb.append(sb.length() > 0 ? "." : "").append(part);
        }
        return sb.toString();
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String to, Set<String> seen) {
        if (from.equals(to)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (String next : uses.getOrDefault(from, Set.of())) {
            if (reaches(uses, next, to, seen)) {
                return true;
            }
        }
        return false;
    }
}
