package org.virtd.core.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fence every hypervisor driver module keeps (style.md, "Dependency direction"): its code sees
 * the protocol declarations, the driver SPI and the neutral domain model, never Netty or the
 * server's insides; only its {@code Main} touches the daemon start-up code and names the kind of
 * main server it runs. The virConf syntax is the exception: drivers read their own files
 * ({@code qemu.conf}, {@code vbox.conf}) with it, as libvirt's drivers use util/virconf; and a
 * driver may call another daemon through {@code core.client}, as libvirt's QEMU driver calls the
 * network daemon; and it may talk to the system bus through {@code core.dbus}, as libvirt's drivers
 * reach systemd-machined. Each
 * driver's layering test asserts there is no violation.
 */
public final class DriverFence {
    private static final List<String> CONF_SYNTAX = List.of("ConfFile;", "ConfParser;", "ConfEntry;",
            "ConfValue;", "ConfigException;");
    private DriverFence() {
    }

    /** The import lines under {@code sourceRoot} that cross the fence, with their files. */
    public static List<String> violations(Path sourceRoot) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                boolean main = f.getFileName().toString().equals("Main.java");
                for (String line : Files.readAllLines(f)) {
                    if (line.startsWith("import ") && crosses(line.substring(7).replace("static ", "").trim(), main)) {
                        out.add(f + ": " + line);
                    }
                }
            }
        }
        return out;
    }

    private static boolean crosses(String imported, boolean main) {
        if (imported.startsWith("io.netty.")) {
            return true;
        }
        if (!imported.startsWith("org.virtd.core.") || imported.startsWith("org.virtd.core.driver.")
                || imported.startsWith("org.virtd.core.client.") || imported.startsWith("org.virtd.core.dbus.")) {
            return false;
        }
        if (imported.startsWith("org.virtd.core.config.")
                && CONF_SYNTAX.contains(imported.substring("org.virtd.core.config.".length()))) {
            return false;
        }
        return !(main && (imported.startsWith("org.virtd.core.daemon.")
                || imported.equals("org.virtd.core.server.MainServer;")
                || imported.equals("org.virtd.core.forward.SecondaryServer;")));
    }
}
