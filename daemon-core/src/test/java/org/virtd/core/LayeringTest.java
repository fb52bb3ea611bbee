package org.virtd.core;

import org.junit.jupiter.api.Test;
import org.virtd.rpc.testing.PackageCycles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * daemon-core's fences (style.md, "Dependency direction"), checked on every import line of the
 * main sources: which core packages each package may import (so no cycle can form, and the
 * layers read bottom-up: driver SPI and peer, then keepalive/stream/event, server, admin and
 * transport, assembly, daemon), that Netty's channels appear only in transport and activation,
 * that the driver SPI sees no Netty at all, and that the domain model (module domain-conf, which
 * depends on daemon-core) is never imported here.
 */
class LayeringTest {
    private static final Path ROOT = Path.of("src/main/java/org/virtd/core/");
    private static final String CORE = "org.virtd.core.";

    /** Package → the other core packages it may import. A package missing here fails the test. */
    static final Map<String, Set<String>> MAY_IMPORT = Map.ofEntries(
            entry("driver", Set.of()),
            entry("client", Set.of()),
            entry("config", Set.of()),
            entry("activation", Set.of()),
            entry("logging", Set.of()),
            entry("dbus", Set.of()),
            entry("peer", Set.of("driver")),
            entry("keepalive", Set.of("peer")),
            entry("stream", Set.of("peer", "driver")),
            entry("event", Set.of("peer", "driver")),
            entry("server", Set.of("peer", "keepalive", "stream", "event", "driver", "config")),
            entry("admin", Set.of("server", "config", "driver")),
            entry("transport", Set.of("peer", "driver", "activation")),
            entry("forward", Set.of("server", "peer", "event", "transport", "driver")),
            entry("assembly", Set.of("admin", "server", "transport", "event", "driver", "config", "logging",
                    "activation", "peer")),
            entry("daemon", Set.of("assembly", "admin", "server", "transport", "driver", "config", "logging",
                    "activation")));

    /** Packages that may use Netty's channel API; the rest see at most ByteBuf. */
    private static final Set<String> NETTY_CHANNELS = Set.of("transport", "activation", "forward");

    @Test
    void importsPointDownTheLayers() throws IOException {
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = ROOT.relativize(f).getName(0).toString();
                violations.addAll(violations(f.toString(), pkg, Files.readAllLines(f)));
            }
        }
        assertEquals(List.of(), violations);
    }

    @Test
    void aPlantedReverseImportIsCaught() {
        List<String> found = violations("peer/Planted.java", "peer",
                List.of("package org.virtd.core.peer;", "import org.virtd.core.server.Session;"));
        assertEquals(List.of("peer/Planted.java: peer may not import org.virtd.core.server.Session"), found);
        assertEquals(1, violations("server/Planted.java", "server",
                List.of("import io.netty.channel.Channel;")).size());
        assertEquals(1, violations("fresh/New.java", "fresh", List.of()).size(), "an unlisted package");
    }

    @Test
    void theAllowedDirectionsHaveNoCycle() {
        for (String start : MAY_IMPORT.keySet()) {
            assertTrue(!reachable(start).contains(start), start + " can reach itself through MAY_IMPORT");
        }
    }

    static List<String> violations(String file, String pkg, List<String> lines) {
        List<String> out = new ArrayList<>();
        Set<String> allowed = MAY_IMPORT.get(pkg);
        if (allowed == null) {
            out.add(file + ": package " + pkg + " has no place in LayeringTest.MAY_IMPORT");
            return out;
        }
        for (String line : lines) {
            if (!line.startsWith("import ")) {
                continue;
            }
            String imported = line.substring(7).replace("static ", "").replace(";", "").trim();
            if (imported.startsWith("org.virtd.conf.")) {
                out.add(file + ": daemon-core may not import the domain model (" + imported + ")");
            } else if (imported.startsWith("io.netty.") && pkg.equals("driver")) {
                out.add(file + ": the driver SPI may not use Netty (" + imported + ")");
            } else if (imported.startsWith(CORE)) {
                String target = imported.substring(CORE.length()).split("\\.")[0];
                if (!target.equals(pkg) && !allowed.contains(target)) {
                    out.add(file + ": " + pkg + " may not import " + imported);
                }
            } else if ((imported.startsWith("io.netty.channel") || imported.startsWith("io.netty.bootstrap"))
                    && !NETTY_CHANNELS.contains(pkg)) {
                out.add(file + ": " + pkg + " may not use Netty channels (" + imported + ")");
            }
        }
        return out;
    }

    private static Set<String> reachable(String from) {
        Set<String> seen = new HashSet<>();
        List<String> todo = new ArrayList<>(MAY_IMPORT.get(from));
        while (!todo.isEmpty()) {
            String p = todo.remove(todo.size() - 1);
            if (seen.add(p)) {
                todo.addAll(MAY_IMPORT.getOrDefault(p, Set.of()));
            }
        }
        return seen;
    }

    @Test
    void noPackageCycles() throws IOException {
        assertEquals(List.of(), PackageCycles.in(Path.of("src/main/java")));
    }
}
