package org.virtd.it.vbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.virtd.it.harness.Cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * virtvboxd's devices beyond libvirt's neutral model, metadata, domain capabilities and device
 * changes, through real virsh and python-libvirt against the VBoxManage stand-in (issue 12).
 */
class VboxDevicesIT {
    private static VboxDaemon box;

    @BeforeAll
    static void start() throws IOException {
        box = VboxDaemon.start("virtd-vbox-dev-it-");
    }

    @AfterAll
    static void stop() throws IOException {
        if (box != null) {
            box.close();
        }
    }

    private static String uri() {
        return box.uri();
    }

    private static Cli.Result ok(String... args) throws Exception {
        return box.ok(args);
    }

    private static Cli.Result fails(String... args) throws Exception {
        return box.fails(args);
    }

    private static Path file(String name, String text) throws IOException {
        return Files.writeString(box.dir.resolve(name), text);
    }

    private static Path fullXml(String name, Path disk, String extra) throws IOException {
        return file(name + ".xml", "<domain type='vbox'><name>" + name + "</name><title>Web front</title>"
                + "<description>first line\nsecond \"line\"</description>"
                + "<metadata><app:cfg xmlns:app='http://example.org/app'><app:role tier='1'>web</app:role></app:cfg>"
                + "</metadata><memory unit='MiB'>256</memory><vcpu>2</vcpu><os><type>hvm</type><boot dev='hd'/></os>"
                + "<features><acpi/><apic/></features><devices>"
                + "<disk type='file' device='disk'><source file='" + disk + "'/><target dev='sda' bus='sata'/></disk>"
                + "<interface type='user'><mac address='08:00:27:aa:bb:01'/><model type='82540EM'/></interface>"
                + "<serial type='file'><source path='" + box.dir.resolve("com1.log") + "'/><target port='0'/></serial>"
                + "<serial type='pipe'><source path='" + box.dir.resolve("com2") + "'/><target port='1'/></serial>"
                + "<graphics type='sdl' display=':1'/>"
                + "<graphics type='rdp' port='5000' multiUser='yes' listen='127.0.0.1'/>"
                + "<sound model='sb16'/>"
                + "<video><model type='vbox' vram='16384' heads='2'><acceleration accel3d='yes' accel2d='no'/>"
                + "</model></video>" + extra + "</devices></domain>");
    }

    @Test
    void devicesTitleDescriptionAndMetadataRoundTrip() throws Exception {
        Path disk = VboxStandIn.diskImage(box.dir.resolve("rt.vmdk"));
        ok("define", fullXml("rt", disk, "").toString());
        String xml = ok("dumpxml", "rt").out();
        for (String part : new String[]{"<title>Web front</title>",
            "<description>first line\nsecond &quot;line&quot;</description>",
            "  <metadata>\n    <app:cfg xmlns:app=\"http://example.org/app\">\n"
                + "      <app:role tier=\"1\">web</app:role>\n    </app:cfg>\n  </metadata>\n",
            "    <serial type='file'>\n      <source path='" + box.dir.resolve("com1.log") + "'/>\n"
                + "      <target port='0'/>\n    </serial>\n",
            "    <serial type='pipe'>\n      <source path='" + box.dir.resolve("com2") + "'/>\n"
                + "      <target port='1'/>\n    </serial>\n",
            "    <graphics type='sdl' display=':1'/>\n"
                + "    <graphics type='rdp' port='5000' multiUser='yes' listen='127.0.0.1'>\n"
                + "      <listen type='address' address='127.0.0.1'/>\n    </graphics>\n"
                + "    <sound model='sb16'/>\n"
                + "    <video>\n      <model type='vbox' vram='16384' heads='2'>\n"
                + "        <acceleration accel3d='yes' accel2d='no'/>\n      </model>\n    </video>\n"
                + "  </devices>\n"}) {
            assertTrue(xml.contains(part), part + " missing from\n" + xml);
        }
        // define what dumpxml printed: the same document comes back
        Path dumped = file("rt-dumped.xml", xml);
        ok("undefine", "rt");
        ok("define", dumped.toString());
        assertEquals(xml, ok("dumpxml", "rt").out());
        ok("undefine", "rt");
    }

    @Test
    void metadataCalls() throws Exception {
        Path disk = VboxStandIn.diskImage(box.dir.resolve("md.vmdk"));
        ok("define", fullXml("md", disk, "").toString());
        assertEquals("Web front", ok("desc", "md", "--title").out().strip());
        assertEquals("first line\nsecond \"line\"", ok("desc", "md").out().strip());
        assertEquals("<cfg>\n  <role tier=\"1\">web</role>\n</cfg>", ok("metadata", "md", "http://example.org/app").out().strip());
        assertTrue(fails("metadata", "md", "http://nope.example/").err()
                .contains("error: metadata not found: Requested metadata element is not present"));
        ok("desc", "md", "--title", "--new-desc", "Renamed");
        ok("desc", "md", "--new-desc", "plain");
        ok("metadata", "md", "--uri", "http://example.org/other", "--key", "o", "--set", "<x y='z'/>");
        String xml = ok("dumpxml", "md").out();
        assertTrue(xml.contains("<title>Renamed</title>") && xml.contains("<description>plain</description>")
                && xml.contains("<o:x xmlns:o=\"http://example.org/other\" y=\"z\"/>"), xml);
        ok("metadata", "md", "--uri", "http://example.org/other", "--remove");
        assertFalse(ok("dumpxml", "md").out().contains("example.org/other"));
        assertTrue(fails("desc", "md", "--live", "--title", "--new-desc", "X").err().contains("domain is not running"));
        // python: METADATA_CHANGE events and libvirt's error codes
        Cli.Result r = Cli.python("""
                import libvirt, sys, threading, time
                libvirt.virEventRegisterDefaultImpl()
                threading.Thread(target=lambda: [libvirt.virEventRunDefaultImpl() for _ in iter(int, 1)],
                                 daemon=True).start()
                c = libvirt.open(sys.argv[1])
                ev = []
                c.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_METADATA_CHANGE,
                                         lambda conn, dom, t, ns, o: ev.append((dom.name(), t, ns)), None)
                d = c.lookupByName('md')
                d.setMetadata(libvirt.VIR_DOMAIN_METADATA_TITLE, 'T2', None, None, 0)
                d.setMetadata(libvirt.VIR_DOMAIN_METADATA_ELEMENT, '<a/>', 'k', 'http://k.example/', 0)
                assert d.metadata(libvirt.VIR_DOMAIN_METADATA_TITLE, None, 0) == 'T2'
                try:
                    d.metadata(libvirt.VIR_DOMAIN_METADATA_ELEMENT, 'http://none.example/', 0)
                    raise SystemExit('found')
                except libvirt.libvirtError as e:
                    assert e.get_error_code() == libvirt.VIR_ERR_NO_DOMAIN_METADATA, e.get_error_code()
                try:
                    d.metadata(libvirt.VIR_DOMAIN_METADATA_TITLE, None, 64)
                    raise SystemExit('bad flags accepted')
                except libvirt.libvirtError as e:
                    assert e.get_error_code() == libvirt.VIR_ERR_INVALID_ARG, str(e)
                time.sleep(1.5)
                assert ev == [('md', 1, None), ('md', 2, 'http://k.example/')], ev
                print('OK')
                """, uri());
        assertEquals("OK", r.out().strip(), r.all() + "\n" + box.daemon.log());
        ok("undefine", "md");
    }

    @Test
    void sharedFoldersNeedTheSharedfolderCommand() throws Exception {
        // the stand-in does not simulate 'sharedfolder': define reports VirtualBox's error and leaves nothing
        Path disk = VboxStandIn.diskImage(box.dir.resolve("fs.vmdk"));
        Cli.Result r = fails("define", fullXml("fs", disk, "<filesystem type='mount'><source dir='" + box.dir
                + "'/><target dir='share'/></filesystem>").toString());
        assertTrue(r.err().contains("the command 'sharedfolder' is not simulated"), r.err());
        assertFalse(box.vbox.manage("list", "vms").out().contains("\"fs\""));
    }

    @Test
    void domainCapabilities() throws Exception {
        String caps = ok("domcapabilities").out();
        for (String part : new String[]{"<domain>vbox</domain>", "<vcpu max='", "<value>sata</value>",
            "<value>fdc</value>", "<value>rdp</value>", "<value>desktop</value>", "<value>vbox</value>",
            "<hostdev supported='no'/>"}) {
            assertTrue(caps.contains(part), part + " missing from\n" + caps);
        }
        assertTrue(fails("domcapabilities", "--virttype", "kvm").err().contains("unknown virttype: kvm"));
    }

    @Test
    void attachDetachAndUpdateDevices() throws Exception {
        Path disk = VboxStandIn.diskImage(box.dir.resolve("hot.vmdk"));
        Path extra = VboxStandIn.diskImage(box.dir.resolve("hot2.vmdk"));
        Path iso = box.dir.resolve("hot.iso");
        Files.write(iso, new byte[1024 * 1024]);
        ok("define", fullXml("hot", disk, "").toString());
        Path disk2 = file("disk2.xml", "<disk type='file' device='disk'><source file='" + extra + "'/>"
                + "<target dev='hda' bus='ide'/></disk>");
        Path cd = file("cd.xml", "<disk type='file' device='cdrom'><target dev='hdc' bus='ide'/><readonly/></disk>");
        Path cdIso = file("cd-iso.xml", "<disk type='file' device='cdrom'><source file='" + iso + "'/>"
                + "<target dev='hdc' bus='ide'/><readonly/></disk>");
        Path nic = file("nic.xml", "<interface type='user'><mac address='08:00:27:11:22:33'/></interface>");
        ok("attach-device", "hot", disk2.toString());
        ok("attach-device", "hot", cd.toString());
        ok("attach-device", "hot", nic.toString());
        String blk = ok("domblklist", "hot").out();
        assertTrue(blk.contains("hda      " + extra) && blk.matches("(?s).*hdc\\s+-\\n.*"), blk);
        assertTrue(ok("domiflist", "hot").out().contains("08:00:27:11:22:33"));
        assertTrue(fails("attach-device", "hot", disk2.toString(), "--live").err()
                .contains("Requested operation is not valid: domain is not running"));
        assertTrue(fails("attach-device", "hot", file("g.xml", "<graphics type='vnc'/>").toString()).err()
                .contains("argument unsupported: Unsupported device type 11"));

        ok("start", "hot");
        ok("update-device", "hot", cdIso.toString());
        assertTrue(ok("domblklist", "hot").out().contains("hdc      " + iso));
        assertTrue(fails("update-device", "hot", cdIso.toString(), "--config").err()
                .contains("cannot modify the persistent configuration of a domain"));
        assertTrue(fails("detach-device", "hot", nic.toString()).err().contains("already locked"),
                "VirtualBox refuses adapter changes of a running machine");
        ok("destroy", "hot");

        ok("detach-device", "hot", nic.toString());
        ok("detach-device", "hot", disk2.toString());
        assertFalse(ok("domiflist", "hot").out().contains("08:00:27:11:22:33"));
        assertFalse(ok("domblklist", "hot").out().contains(extra.toString()));
        assertTrue(Files.exists(extra), "detach keeps the image");
        ok("undefine", "hot");
    }
}
