package org.virtd.it.diff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The differential suite's own parts: the scenario parser, the normaliser and the report diff. */
class HarnessPartsTest {

    @Test
    void scenarioFilesParseIntoSetupScenariosAndTeardown(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("x.scn");
        Files.writeString(f, "# c\nsetup:\n~virsh define {xml:tiny}\n=== a\nevents: domain\nvirsh start t\n"
                + "py: for i in range(2):\n|     print(i)\n~sleep: 1\n=== b\nsh: echo hi\nteardown:\n~virsh undefine t\n");
        ScenarioFile sf = ScenarioFile.parse(f);
        assertEquals(1, sf.setup().size());
        assertEquals(2, sf.scenarios().size());
        Scenario a = sf.scenarios().get(0);
        assertTrue(a.events());
        assertEquals("for i in range(2):\n    print(i)", a.steps().get(1).text());
        assertFalse(a.steps().get(2).compared());
        assertEquals("x:b", sf.scenarios().get(1).key());
        assertEquals(1, sf.teardown().size());
        assertEquals(null, sf.qemuConf());
        Path confined = dir.resolve("c.scn");
        Files.writeString(confined, "qemu.conf: confined\nsetup:\n~virsh list\n=== a\nvirsh list\n");
        assertEquals("confined", ScenarioFile.parse(confined).qemuConf());
        Files.writeString(confined, "setup:\n~virsh list\nqemu.conf: confined\n=== a\nvirsh list\n");
        IllegalArgumentException late = assertThrows(IllegalArgumentException.class, () -> ScenarioFile.parse(confined));
        assertTrue(late.getMessage().contains("c.scn:3"), late.getMessage());
    }

    @Test
    void brokenFilesNameTheLine(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("y.scn");
        Files.writeString(f, "=== a\nvirsh list\nfrobnicate\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScenarioFile.parse(f));
        assertTrue(e.getMessage().contains("y.scn:3"), e.getMessage());
    }

    @Test
    void normaliserMasksOnlyWhatIsGenerated() {
        String handWritten = "5d1f6e3a-2b7c-4c1e-9a6f-0d2b8e4c7a11 52:54:00:00:00:01";
        Normaliser n = new Normaliser(handWritten);
        Target t = new Target("ours", "qemu+unix:///system?socket=/p/run/libvirt/virtqemud-sock", Path.of("/w"), "/p");
        String out = n.apply("uuid 5d1f6e3a-2b7c-4c1e-9a6f-0d2b8e4c7a11 and 11111111-2222-3333-4444-555555555555 "
                + "twice 11111111-2222-3333-4444-555555555555\n52:54:00:00:00:01 52:54:00:aa:bb:cc\n"
                + "/p/var/lib/libvirt/qemu /w/x/disk /dev/pts/7\n<domain type='qemu' id='12'>\n 3    t   running\n",
                t, "/w/x");
        assertEquals("uuid 5d1f6e3a-2b7c-4c1e-9a6f-0d2b8e4c7a11 and {uuid1} twice {uuid1}\n"
                + "52:54:00:00:00:01 {mac1}\n/var/lib/libvirt/qemu {work}/disk /dev/pts/N\n"
                + "<domain type='qemu' id='{id}'>\n {id} t running\n", out);
    }

    @Test
    void diffShowsBothSides() {
        String d = LineDiff.of("a\nb\nc\n", "a\nB\nc\n", "left", "right");
        assertTrue(d.contains("- b") && d.contains("+ B"), d);
    }
}
