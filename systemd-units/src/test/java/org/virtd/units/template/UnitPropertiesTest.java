package org.virtd.units.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.units.model.SectionName.INSTALL;
import static org.virtd.units.model.SectionName.SERVICE;
import static org.virtd.units.model.SectionName.SOCKET;
import static org.virtd.units.model.SectionName.UNIT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.virtd.units.model.UnitFile;

/** The properties spec/systemd-units.md §3 asks of every rendered unit, checked on all daemons. */
class UnitPropertiesTest {

    private final DaemonCatalog catalog = new DaemonCatalog();
    private final UnitRenderer renderer = new UnitRenderer(TemplateSource.classpath());

    private Map<String, UnitFile> units(DaemonUnits d) throws Exception {
        return renderer.render(d, InstallPaths.defaults());
    }

    @Test
    void everyUnitConflictsWithAndStartsAfterTheMatchingLibvirtdUnit() throws Exception {
        for (DaemonUnits d : catalog.all()) {
            for (Map.Entry<String, UnitFile> e : units(d).entrySet()) {
                String libvirtd = "libvirtd" + e.getKey().substring(d.service().length());
                assertEquals(List.of(libvirtd), e.getValue().values(UNIT, "Conflicts"), e.getKey());
                assertTrue(e.getValue().values(UNIT, "After").contains(libvirtd), e.getKey());
            }
        }
    }

    @Test
    void localSocketsRemoveTheirFileAndEnableEachOther() throws Exception {
        for (DaemonUnits d : catalog.all()) {
            Map<String, UnitFile> units = units(d);
            List<String> local = new ArrayList<>();
            d.sockets().stream().filter(SocketKind::isLocal).forEach(k -> local.add(k.unitName(d.service())));
            for (String name : local) {
                UnitFile socket = units.get(name);
                assertEquals(List.of("yes"), socket.values(SOCKET, "RemoveOnStop"), name);
                List<String> others = new ArrayList<>(local);
                others.remove(name);
                assertEquals(others, socket.values(INSTALL, "Also"), name);
                assertEquals(List.of(d.serviceUnit()), socket.values(SOCKET, "Service"), name);
            }
            assertEquals(local, units.get(d.serviceUnit()).values(INSTALL, "Also"));
        }
    }

    @Test
    void ipSocketsAreOptInAndOnlyOnVirtproxyd() throws Exception {
        Map<String, UnitFile> proxy = units(catalog.find("virtproxyd").orElseThrow());
        assertEquals(List.of("16509"), proxy.get("virtproxyd-tcp.socket").values(SOCKET, "ListenStream"));
        assertEquals(List.of("16514"), proxy.get("virtproxyd-tls.socket").values(SOCKET, "ListenStream"));
        for (String ip : List.of("virtproxyd-tcp.socket", "virtproxyd-tls.socket")) {
            assertEquals(List.of(), proxy.get(ip).values(INSTALL, "Also"), ip);
            assertEquals(List.of("virtproxyd.socket"), proxy.get(ip).values(UNIT, "BindsTo"), ip);
        }
        assertEquals(List.of("/run/libvirt/libvirt-sock"), proxy.get("virtproxyd.socket").values(SOCKET, "ListenStream"));
        assertFalse(units(catalog.find("virtqemud").orElseThrow()).containsKey("virtqemud-tcp.socket"));
    }

    @Test
    void serviceBindsMainSocketAndOnlyWantsTheOthers() throws Exception {
        for (DaemonUnits d : catalog.all()) {
            UnitFile service = units(d).get(d.serviceUnit());
            assertEquals(List.of(), service.values(UNIT, "Requires"), d.service());
            assertEquals(List.of(d.service() + ".socket"), service.values(UNIT, "BindsTo"));
            assertEquals(List.of(d.service() + "-ro.socket", d.service() + "-admin.socket"), service.values(UNIT, "Wants"));
            assertEquals(List.of("notify"), service.values(SERVICE, "Type"));
            assertEquals(List.of("on-failure"), service.values(SERVICE, "Restart"));
            assertEquals(List.of("/bin/kill -HUP $MAINPID"), service.values(SERVICE, "ExecReload"));
            String upper = d.service().toUpperCase(java.util.Locale.ROOT);
            assertEquals(List.of(upper + "_ARGS=\"--timeout 120\""), service.values(SERVICE, "Environment"));
            assertEquals(List.of("-/etc/default/" + d.service()), service.values(SERVICE, "EnvironmentFile"));
            assertEquals(List.of("/usr/sbin/" + d.service() + " $" + upper + "_ARGS"), service.values(SERVICE, "ExecStart"));
        }
    }

    @Test
    void virtqemudKeepsGuestsAliveAndHasTheLimitsButNoLogOrLockDaemon() throws Exception {
        UnitFile qemu = units(catalog.find("virtqemud").orElseThrow()).get("virtqemud.service");
        assertEquals(List.of("process"), qemu.values(SERVICE, "KillMode"));
        assertEquals(List.of("1024:524288"), qemu.values(SERVICE, "LimitNOFILE"));
        assertEquals(List.of("32768"), qemu.values(SERVICE, "TasksMax"));
        assertEquals(List.of("64M"), qemu.values(SERVICE, "LimitMEMLOCK"));
        assertFalse(qemu.render().contains("virtlogd"));
        assertFalse(qemu.render().contains("virtlockd"));
    }
}
