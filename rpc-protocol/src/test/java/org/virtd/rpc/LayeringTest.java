package org.virtd.rpc;

import org.junit.jupiter.api.Test;

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

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * rpc-protocol is pure data: the JDK, Netty's buffers and itself; no I/O, threads or logging
 * libraries. Its packages form layers, so no package reaches back into one that uses it
 * (a program's types never import the program's declarations).
 */
class LayeringTest {

    private static final Path SRC = Path.of("src/main/java");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?(org\\.virtd\\.[\\w.]+)\\s*;",
            Pattern.MULTILINE);
    /** A fully qualified name in code counts as much as an import. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b(org\\.virtd(?:\\.[a-z]\\w*)+)\\.[A-Z]");

    @Test
    void onlyJdkAndBuffers() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path f : sources()) {
            for (String line : Files.readAllLines(f)) {
                String what = line.startsWith("import ") ? line.substring(7).replace("static ", "").trim() : null;
                if (what != null && !(what.startsWith("java.") || what.startsWith("io.netty.buffer.")
                        || what.startsWith("org.virtd.rpc."))) {
                    violations.add(f + ": " + line);
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void noPackageCycles() throws IOException {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Path f : sources()) {
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
        List<String> cycles = new ArrayList<>();
        for (String p : uses.keySet()) {
            for (String q : uses.get(p)) {
                if (p.compareTo(q) < 0 && reaches(uses, q, p, new TreeSet<>())) {
                    cycles.add(p + " <-> " + q);
                }
            }
        }
        assertEquals(List.of(), cycles);
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

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SRC)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
