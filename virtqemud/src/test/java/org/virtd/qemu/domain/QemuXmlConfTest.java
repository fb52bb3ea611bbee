package org.virtd.qemu.domain;

import org.junit.jupiter.api.Test;
import org.virtd.rpc.error.VirtException;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** QEMU's options for the neutral XML code: its MAC range, no '/' in names, the qemu: namespace. */
class QemuXmlConfTest {

    @Test
    void generatedMacsAreQemus() {
        assertTrue(QemuXmlConf.OPTIONS.generateMac(new SplittableRandom(3)).matches("52:54:00(:[0-9a-f]{2}){3}"));
    }

    @Test
    void validationAcceptsQemuCommandline() throws VirtException {
        String xml = "<domain type='kvm' xmlns:qemu='http://libvirt.org/schemas/domain/qemu/1.0'><name>g</name>"
                + "<memory>65536</memory><os><type>hvm</type></os><qemu:commandline><qemu:arg value='-S'/>"
                + "</qemu:commandline></domain>";
        assertEquals("g", QemuXmlConf.PARSER.parse(xml, true).name());
    }

    @Test
    void namesWithSlashAreRefused() {
        String xml = "<domain type='kvm'><name>a/b</name><memory>65536</memory><os><type>hvm</type></os></domain>";
        VirtException e = assertThrows(VirtException.class, () -> QemuXmlConf.PARSER.parse(xml, false));
        assertEquals("XML error: name a/b cannot contain '/'", e.getMessage());
    }
}
