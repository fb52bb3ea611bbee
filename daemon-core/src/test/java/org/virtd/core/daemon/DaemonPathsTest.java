package org.virtd.core.daemon;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DaemonPathsTest {

    @Test
    void rootLayout() {
        DaemonPaths p = DaemonPaths.of(DaemonIdentity.VIRTQEMUD, 0, Map.of());
        assertEquals(Path.of("/etc/libvirt/virtqemud.conf"), p.configFile());
        assertEquals(Path.of("/run/virtqemud.pid"), p.pidFile());
        assertEquals(Path.of("/run/libvirt/virtqemud-sock-ro"), p.sockets(null).ro());
        assertEquals(Path.of("/var/log/libvirt/virtqemud.log"), p.defaultLogFile());
        assertEquals(Path.of("/d/virtqemud-admin-sock"), p.sockets("/d").admin());
    }

    @Test
    void userLayoutWithXdgFallbacksAndTheAdminQuirk() {
        DaemonPaths p = DaemonPaths.of(DaemonIdentity.VIRTPROXYD, 1000, Map.of("HOME", "/home/u"));
        assertEquals(Path.of("/home/u/.config/libvirt/virtproxyd.conf"), p.configFile());
        assertEquals(Path.of("/home/u/.cache/libvirt"), p.runDir());
        assertEquals(Path.of("/home/u/.cache/libvirt/libvirt-sock"), p.sockets(null).rw());
        assertNull(p.sockets(null).ro());
        assertEquals(Path.of("/home/u/.cache/libvirt/libvirt-admin-sock"), p.sockets(null).admin());
        assertNull(p.sockets("/x").admin());
        DaemonPaths x = DaemonPaths.of(DaemonIdentity.VIRTQEMUD, 1000,
                Map.of("HOME", "/home/u", "XDG_RUNTIME_DIR", "/run/user/1000", "XDG_CONFIG_HOME", "/c"));
        assertEquals(Path.of("/run/user/1000/libvirt/virtqemud.pid"), x.pidFile());
        assertEquals(Path.of("/c/libvirt/virtqemud.conf"), x.configFile());
    }

    @Test
    void prefixGivesTheRootLayoutToEveryone() {
        DaemonPaths p = DaemonPaths.of(DaemonIdentity.VIRTQEMUD, 1000, Map.of("VIRTD_PREFIX", "/tmp/p"));
        assertEquals(Path.of("/tmp/p/etc/libvirt/virtqemud.conf"), p.configFile());
        assertEquals(Path.of("/tmp/p/run/virtqemud.pid"), p.pidFile());
        assertEquals(Path.of("/tmp/p/run/libvirt/virtqemud-sock-ro"), p.sockets(null).ro());
        assertEquals(Path.of("/tmp/p/var/lib/libvirt"), p.stateDir());
        assertEquals(Path.of("/tmp/p/var/cache/libvirt"), p.cacheDir());
    }
}
