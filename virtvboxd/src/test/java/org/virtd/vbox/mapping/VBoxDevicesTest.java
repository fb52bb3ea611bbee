package org.virtd.vbox.mapping;

import org.junit.jupiter.api.Test;
import org.virtd.conf.domain.DomainDef;
import org.virtd.rpc.error.VirtException;
import org.virtd.vbox.manage.KeyValues;
import org.virtd.vbox.manage.MachineReadable;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The devices beyond the neutral model: read from a machine, from XML, planned for define, and back. */
class VBoxDevicesTest {
    static final UUID U = UUID.fromString("11111111-2222-3333-4444-555555555555");
    static final String DEVICES = "<serial type='file'><source path='/l/com1'/><target port='0'/></serial>"
            + "<serial type='pipe'><source path='/p/com2'/><target port='1'/></serial>"
            + "<parallel type='file'><source path='/l/lpt'/><target port='0'/></parallel>"
            + "<graphics type='sdl' display=':1'/>"
            + "<graphics type='rdp' port='5000' multiUser='yes' listen='127.0.0.1'/>"
            + "<filesystem type='mount'><source dir='/srv/share'/><target dir='share'/><readonly/></filesystem>"
            + "<sound model='sb16'/>"
            + "<video><model type='vbox' vram='16384' heads='2'><acceleration accel3d='yes' accel2d='no'/></model></video>";

    static String xml(String devices) {
        return "<domain type='vbox'><name>d</name><title>T</title><description>two\nlines</description>"
                + "<metadata><app:foo xmlns:app='http://e.org/app'><app:bar a='1'>t</app:bar></app:foo></metadata>"
                + "<memory unit='MiB'>256</memory><vcpu>1</vcpu><os><type>hvm</type></os><devices>" + devices
                + "</devices></domain>";
    }

    @Test
    void definePlansEveryDevice() throws VirtException {
        String x = xml(DEVICES);
        DomainDef def = VBoxXmlConf.PARSER.parse(x, false);
        DefinePlan plan = DefinePlan.of(def, U, VBoxDevicesXml.parse(x), true);
        String modify = String.join(" ", plan.configure().get(0));
        for (String part : List.of("--description two\nlines", "--vram 16 --monitorcount 2 --accelerate3d on"
                + " --accelerate2dvideo off", "--audio-enabled on --audiocontroller sb16",
                "--uart1 0x3F8 4 --uartmode1 file /l/com1", "--uart2 0x2F8 3 --uartmode2 server /p/com2",
                "--lpt1 0x378 7 --lptmode1 /l/lpt", "--vrde on --vrdeport 5000 --vrdeaddress 127.0.0.1"
                + " --vrdemulticon on --vrdereusecon off")) {
            assertTrue(modify.contains(part), part + " missing from " + modify);
        }
        List<List<String>> rest = plan.configure().subList(1, plan.configure().size());
        String id = U.toString();
        assertEquals(List.of(List.of("setextradata", id, "FRONTEND/Type", "sdl"),
                List.of("setextradata", id, "FRONTEND/Display", ":1"),
                List.of("sharedfolder", "add", id, "--name", "share", "--hostpath", "/srv/share", "--readonly"),
                List.of("setextradata", id, "libvirt/title", "T"),
                List.of("setextradata", id, "libvirt/metadata/http://e.org/app", "app <foo><bar a=\"1\">t</bar></foo>")),
                rest);
    }

    @Test
    void noSoundDisablesAudioAndRdpAloneIsVrdp() throws VirtException {
        String x = xml("<graphics type='rdp' autoport='yes'/>");
        DefinePlan plan = DefinePlan.of(VBoxXmlConf.PARSER.parse(x, false), U, VBoxDevicesXml.parse(x), false);
        String modify = String.join(" ", plan.configure().get(0));
        assertTrue(modify.contains("--audio none --vrde on --vrdemulticon off --vrdereusecon off"), modify);
        assertTrue(plan.configure().contains(List.of("setextradata", U.toString(), "FRONTEND/Type", "vrdp")));
    }

    @Test
    void machineDevicesAsLibvirtPrintsThem() {
        KeyValues kv = MachineReadable.parse("vram=16\nmonitorcount=2\naccelerate3d=\"on\"\naccelerate2dvideo=\"off\"\n"
                + "uart1=\"0x03f8,4\"\nuartmode1=\"file,/l/com1\"\nuart2=\"0x02f8,3\"\nuartmode2=\"server,/p/com2\"\n"
                + "uart3=\"off\"\nlpt1=\"0x0378,7\"\nlptmode1=\"/l/lpt\"\naudio=\"pulse\"\nvrde=\"on\"\nvrdeport=-1\n"
                + "vrdeports=\"5000\"\nvrdeaddress=\"127.0.0.1\"\nvrdemulticon=\"on\"\nvrdereusecon=\"off\"\n"
                + "SharedFolderNameMachineMapping1=\"share\"\nSharedFolderPathMachineMapping1=\"/srv/share\"\n");
        VBoxDevices d = MachineDevices.of(kv, Map.of("FRONTEND/Type", "sdl", "FRONTEND/Display", ":1"), "SB16", ":0");
        String doc = "<domain>\n  <devices>\n    <disk/>\n    <interface type='user'/>\n  </devices>\n</domain>\n";
        assertEquals("<domain>\n  <devices>\n    <disk/>\n"
                + "    <filesystem type='mount' accessmode='passthrough'>\n"
                + "      <source dir='/srv/share'/>\n      <target dir='share'/>\n    </filesystem>\n"
                + "    <interface type='user'/>\n"
                + "    <serial type='file'>\n      <source path='/l/com1'/>\n      <target port='0'/>\n    </serial>\n"
                + "    <serial type='pipe'>\n      <source path='/p/com2'/>\n      <target port='1'/>\n    </serial>\n"
                + "    <parallel type='file'>\n      <source path='/l/lpt'/>\n      <target port='0'/>\n"
                + "    </parallel>\n"
                + "    <graphics type='sdl' display=':1'/>\n"
                + "    <graphics type='rdp' port='5000' multiUser='yes' listen='127.0.0.1'>\n"
                + "      <listen type='address' address='127.0.0.1'/>\n    </graphics>\n"
                + "    <sound model='sb16'/>\n"
                + "    <video>\n      <model type='vbox' vram='16384' heads='2'>\n"
                + "        <acceleration accel3d='yes' accel2d='no'/>\n      </model>\n    </video>\n"
                + "  </devices>\n</domain>\n", VBoxDevicesXml.splice(doc, d));
    }

    @Test
    void noFrontendIsTheDaemonsDesktopAndVrdpNone() {
        KeyValues kv = MachineReadable.parse("audio=\"none\"\n");
        assertEquals(List.of(VBoxDevices.Graphics.frontend("desktop", ":7")),
                MachineDevices.of(kv, Map.of(), null, ":7").graphics());
        assertEquals(List.of(), MachineDevices.of(kv, Map.of("FRONTEND/Type", "vrdp"), null, ":7").graphics());
    }

    @Test
    void metadataReadBackFromExtraData() {
        var md = MachineMetadata.elements(Map.of("libvirt/metadata/http://e.org/app", "app <foo><bar a=\"1\">t</bar></foo>"));
        assertEquals("<foo>\n  <bar a=\"1\">t</bar>\n</foo>", md.extract("http://e.org/app"));
    }
}
