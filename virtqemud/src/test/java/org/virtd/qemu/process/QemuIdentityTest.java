package org.virtd.qemu.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

class QemuIdentityTest {
    static final Path EMU = Path.of("/usr/bin/qemu-system-x86_64");
    static final Path MON = Path.of("/run/x,y/monitor.sock");

    List<String> argv(String name) {
        return List.of(EMU.toString(), "-name", "guest=" + QemuCommandLine.opt(name) + ",debug-threads=on", "-S",
                "-chardev", "socket,id=charmonitor,path=" + QemuCommandLine.opt(MON.toString()) + ",server=on,wait=off");
    }

    @Test
    void matchesOnlyThatQemu() {
        assertTrue(QemuIdentity.matches(argv("a,b"), EMU, "a,b", MON));
        assertFalse(QemuIdentity.matches(argv("a,b"), EMU, "a", MON), "other guest");
        assertFalse(QemuIdentity.matches(argv("t1"), EMU, "t1", Path.of("/run/other.sock")), "other monitor");
        assertFalse(QemuIdentity.matches(List.of("/bin/sleep", "100"), EMU, "t1", MON), "recycled pid");
        assertFalse(QemuIdentity.matches(List.of(), EMU, "t1", MON));
        assertEquals(List.of("guest=a,b", "debug-threads=on"), QemuIdentity.splitOpts("guest=a,,b,debug-threads=on"));
    }

    @Test
    void ownProcessIsAliveAndNotQemu() {
        long me = ProcessHandle.current().pid();
        assertTrue(QemuIdentity.alive(me));
        assertFalse(QemuIdentity.matches(me, EMU, "t1", MON));
        assertFalse(QemuIdentity.alive(Integer.MAX_VALUE));
        assertTrue(QemuIdentity.session(me) >= 0, "0 when the session leader is outside our pid namespace, as under CI");
        assertEquals(-1, QemuIdentity.session(Integer.MAX_VALUE));
    }
}
