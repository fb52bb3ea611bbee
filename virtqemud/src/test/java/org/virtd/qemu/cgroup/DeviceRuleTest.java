package org.virtd.qemu.cgroup;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DeviceRuleTest {
    @Test
    void parsesAndPrintsTheV1Form() {
        DeviceRule r = DeviceRule.parse("c 136:* rw");
        assertEquals(new DeviceRule('c', 136, DeviceRule.ANY, "rw"), r);
        assertEquals("c 136:* rw", r.toString());
        assertEquals(new DeviceRule('b', 8, 16, "r"), DeviceRule.parse("b 8:16 r"));
        assertEquals("a *:* rwm", DeviceRule.parse("a *:* rwm").toString());
    }

    @Test
    void refusesWhatIsNoRule() {
        for (String bad : new String[] {"x 1:3 rw", "c 1 rw", "c 1:3 rx", "c 1:3", ""}) {
            assertThrows(IllegalArgumentException.class, () -> DeviceRule.parse(bad), bad);
        }
    }
}
