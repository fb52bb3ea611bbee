package org.virtd.qemu.driver;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.core.admin.AdminHooks;
import org.virtd.core.driver.DriverContext;
import org.virtd.core.server.ListenerSpec;
import org.virtd.core.server.RpcDaemon;
import org.virtd.core.server.ServerSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The QEMU driver behind a real RPC server in this JVM, driven by the real virsh. */
class InProcessDaemonTest {
    @TempDir
    static Path dir;
    static RpcDaemon daemon;
    static String uri;
    static String roUri;

    @BeforeAll
    static void start() throws IOException {
        QemuDriver driver = new QemuDriver();
        daemon = new RpcDaemon("virtqemud", ServerSettings.MAIN_DEFAULTS, ServerSettings.ADMIN_DEFAULTS, driver,
                AdminHooks.NONE);
        Path run = dir.resolve("run/libvirt");
        daemon.listen(ListenerSpec.unix(ListenerSpec.Role.RW, run.resolve("virtqemud-sock"), 0700, -1));
        daemon.listen(ListenerSpec.unix(ListenerSpec.Role.RO, run.resolve("virtqemud-sock-ro"), 0777, -1));
        daemon.listen(ListenerSpec.unix(ListenerSpec.Role.ADMIN, run.resolve("virtqemud-admin-sock"), 0700, -1));
        driver.start(new DriverContext(daemon.events(), dir.resolve("etc"), run, dir.resolve("lib"), dir.resolve("log"),
                dir.resolve("cache"), true, DriverContext.Inhibitor.NONE));
        daemon.start();
        uri = "qemu+unix:///system?socket=" + run.resolve("virtqemud-sock");
        roUri = "qemu+unix:///system?socket=" + run.resolve("virtqemud-sock-ro");
    }

    @AfterAll
    static void stop() {
        daemon.shutdown(Duration.ofSeconds(1));
    }

    static List<String> virsh(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("virsh"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "virsh hung: " + cmd);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return List.of(String.valueOf(p.exitValue()), out);
    }

    @Test
    void versionHostnameUriNodeinfoCapabilitiesList() throws Exception {
        for (String c : new String[]{"version", "uri", "hostname", "nodeinfo", "capabilities", "list --all"}) {
            List<String> r = virsh(("-c " + uri + " " + c).split(" "));
            assertEquals("0", r.get(0), c + ": " + r.get(1));
        }
    }

    @Test
    void readOnlySocketRefusesDefine() throws Exception {
        List<String> r = virsh("-c", roUri, "version");
        assertEquals("0", r.get(0), r.get(1));
        Path xml = dir.resolve("d.xml");
        Files.writeString(xml, "<domain type='qemu'><name>x</name><memory>1024</memory></domain>");
        r = virsh("-c", roUri, "define", xml.toString());
        assertEquals("1", r.get(0));
        assertTrue(r.get(1).contains("operation forbidden"), r.get(1));
    }
}
