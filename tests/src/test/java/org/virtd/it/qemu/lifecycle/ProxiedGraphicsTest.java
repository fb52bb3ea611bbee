package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * Descriptors through virtproxyd's {@code libvirt-sock}, both ways: openGraphicsFD's socket comes
 * back with REPLY_WITH_FDS and openGraphics sends the caller's socket with CALL_WITH_FDS, each
 * reaching QEMU's VNC server (it greets with its RFB banner). Once with the client handed over to
 * virtqemud, once forwarded by the proxy for its whole life ({@code VIRTD_PROXY_HANDOVER=0}).
 */
class ProxiedGraphicsTest {
    private static final String NAME = "proxgfx";
    private static final String SCRIPT = String.join("\n",
            "import libvirt, socket, sys",
            "d = libvirt.open(sys.argv[1]).lookupByName(sys.argv[2])",
            "for i in range(2):",
            "    s = socket.socket(fileno=d.openGraphicsFD(0, 0))",
            "    s.settimeout(5)",
            "    print('fd', s.recv(12).decode().strip())",
            "    s.close()",
            "    ours, theirs = socket.socketpair()",
            "    d.openGraphics(0, theirs.fileno(), 0)",
            "    theirs.close()",
            "    ours.settimeout(5)",
            "    print('call', ours.recv(12).decode().strip())",
            "    ours.close()",
            "print(d.info()[0])");
    private static final String EXPECTED = "fd RFB 003.008\ncall RFB 003.008\nfd RFB 003.008\ncall RFB 003.008\n1\n";

    @TempDir
    Path prefix;
    private VirtqemudProcess qemud;
    private VirtqemudProcess proxy;

    @AfterEach
    void stop() {
        Guests.cleanUp(prefix, proxy, qemud);
    }

    @Test
    void descriptorsCrossTheProxyWhenTheClientIsHandedOver() throws Exception {
        assertEquals(EXPECTED, run(Map.of()));
    }

    @Test
    void descriptorsCrossTheProxyWhenItForwards() throws Exception {
        assertEquals(EXPECTED, run(Map.of("VIRTD_PROXY_HANDOVER", "0")));
    }

    private String run(Map<String, String> proxyEnv) throws Exception {
        Cli.requireTool("/usr/bin/python3");
        qemud = VirtqemudProcess.start(prefix);
        proxy = VirtqemudProcess.start(prefix, "virtproxyd", proxyEnv);
        String proxied = "qemu+unix:///system?socket=" + proxy.socket();
        Path xml = prefix.resolve(NAME + ".xml");
        Files.writeString(xml, TinyGuest.get().xml(NAME, prefix).replace("</devices>",
                "  <graphics type='vnc' autoport='yes'/>\n  </devices>"));
        ok(proxied, "define", xml.toString());
        ok(proxied, "start", NAME);
        TinyGuest.await(() -> Guests.stateIs(proxied, NAME, "running (booted)"), Duration.ofSeconds(10),
                "not running through the proxy");
        Cli.Result r = Cli.python(SCRIPT, proxied, NAME);
        ok(proxied, "destroy", NAME);
        return r.out() + (r.exit() == 0 ? "" : r.err());
    }
}
