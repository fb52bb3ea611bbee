package org.virtd.core.activation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassArchiveCheckTest {
    private static final String MAPS = """
            800000000-800970000 rw-p 00001000 fe:01 1835 /var/cache/libvirt/cds/virtqemud-0123456789ab.jsa
            7f0278510000-7f027856c000 r--p 00000000 fe:01 1202 /usr/lib/jvm/java-17/lib/server/libjvm.so
            7f0278600000-7f0278700000 rw-p 00000000 00:00 0
            """;

    @Test
    void findsTheArchiveByItsWholePath() {
        assertTrue(ClassArchiveCheck.mapped(MAPS, "/var/cache/libvirt/cds/virtqemud-0123456789ab.jsa"));
        assertFalse(ClassArchiveCheck.mapped(MAPS, "/libvirt/cds/virtqemud-0123456789ab.jsa.tmp"));
        assertFalse(ClassArchiveCheck.mapped(MAPS, "cds/virtqemud-0123456789ab"));
        assertFalse(ClassArchiveCheck.mapped("", "/var/cache/libvirt/cds/virtqemud-0123456789ab.jsa"));
    }
}
