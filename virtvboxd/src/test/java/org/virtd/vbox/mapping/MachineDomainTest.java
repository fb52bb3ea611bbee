package org.virtd.vbox.mapping;

import org.junit.jupiter.api.Test;
import org.virtd.conf.domain.DomainXmlFormatter;
import org.virtd.vbox.manage.MachineInfo;
import org.virtd.vbox.manage.MachineReadable;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** dumpxml of a captured running machine (vbox-driver.md §4), as a golden. */
class MachineDomainTest {

    static String resource(String name) throws IOException {
        try (InputStream in = MachineDomainTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void runningMachineAsLibvirtPrintsIt() throws IOException {
        MachineInfo info = MachineInfo.of(MachineReadable.parse(resource("/manage/showvminfo-running-7.0.18.txt")));
        String xml = DomainXmlFormatter.format(MachineDomain.of(info, "x86_64"), new DomainXmlFormatter.Options(1, false));
        xml = VBoxDevicesXml.splice(xml, MachineDevices.of(info.keys(), Map.of(), "AC97", null));
        assertEquals(resource("/mapping/demo-running.xml"), xml);
    }
}
