package org.virtd.units.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.units.model.SectionName.INSTALL;
import static org.virtd.units.model.SectionName.SERVICE;
import static org.virtd.units.model.SectionName.UNIT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.virtd.units.model.UnitFile;

/** libvirt-guests.service and virt-guest-shutdown.target as spec/systemd-units.md §6 describes them. */
class GuestUnitsTest {

    /** §6's After= list of Debian's 9.0 unit, in its order. */
    static final List<String> SPEC_AFTER = List.of("network.target", "time-sync.target", "libvirtd.socket",
            "virtqemud.socket", "virtlxcd.socket", "virtvboxd.socket", "virtvzd.socket", "virtxend.socket",
            "virt-guest-shutdown.target");

    private final Map<String, UnitFile> units;

    GuestUnitsTest() throws Exception {
        units = new GuestUnits(TemplateSource.classpath())
                .render(new InstallPaths("/run", "/opt/v/sbin", "/opt/etc", "/opt/etc/default", "0600"));
    }

    @Test
    void serviceIsOrderedAsTheSpecSays() {
        UnitFile s = units.get(GuestUnits.SERVICE);
        assertEquals(SPEC_AFTER, s.values(UNIT, "After"));
        assertEquals(List.of("virt-guest-shutdown.target"), s.values(UNIT, "Requires"));
        assertEquals(List.of("Suspend/Resume Running libvirt Guests"), s.values(UNIT, "Description"));
        assertEquals(List.of("man:libvirt-guests(8)", "https://libvirt.org"), s.values(UNIT, "Documentation"));
        assertEquals(List.of("multi-user.target"), s.values(INSTALL, "WantedBy"));
    }

    @Test
    void serviceRunsOurScriptOnceAndWaitsForItAtStop() {
        UnitFile s = units.get(GuestUnits.SERVICE);
        assertEquals(List.of("-/opt/etc/default/libvirt-guests"), s.values(SERVICE, "EnvironmentFile"));
        assertEquals(List.of("/opt/v/sbin/libvirt-guests start"), s.values(SERVICE, "ExecStart"));
        assertEquals(List.of("/opt/v/sbin/libvirt-guests stop"), s.values(SERVICE, "ExecStop"));
        assertEquals(List.of("oneshot"), s.values(SERVICE, "Type"));
        assertEquals(List.of("yes"), s.values(SERVICE, "RemainAfterExit"));
        assertEquals(List.of("journal+console"), s.values(SERVICE, "StandardOutput"));
        assertEquals(List.of("0"), s.values(SERVICE, "TimeoutStopSec"));
    }

    @Test
    void targetHasADescriptionAndNoDependencies() {
        UnitFile t = units.get(GuestUnits.TARGET);
        assertEquals(List.of("Libvirt guests shutdown"), t.values(UNIT, "Description"));
        for (String key : List.of("After", "Before", "Requires", "Wants", "BindsTo")) {
            assertEquals(List.of(), t.values(UNIT, key), key);
        }
    }

    /** The list above is the spec's own: read from the facts sheet when it is beside the checkout. */
    @Test
    void afterListIsTheOneInTheSpec() throws Exception {
        Path spec = Path.of("../../shared/spec/systemd-units.md").toAbsolutePath().normalize();
        if (!Files.exists(spec)) {
            Assumptions.assumeFalse("true".equals(System.getenv("CI")), "CI must have ../shared: " + spec);
            Assumptions.abort("no " + spec);
        }
        String text = Files.readString(spec);
        String section = text.substring(text.indexOf("## 6."), text.indexOf("## 7."));
        Matcher m = Pattern.compile("After=(.*?);", Pattern.DOTALL).matcher(section);
        assertTrue(m.find(), "no After= in §6");
        List<String> listed = new ArrayList<>();
        for (String unit : m.group(1).split(",")) {
            listed.add(unit.strip());
        }
        assertEquals(listed, SPEC_AFTER);
    }
}
