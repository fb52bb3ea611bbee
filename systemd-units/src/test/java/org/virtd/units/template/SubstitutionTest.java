package org.virtd.units.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.virtd.units.model.UnitBuildException;
import org.virtd.units.model.UnitFile;
import org.virtd.units.model.UnitFileParser;

class SubstitutionTest {

    private final UnitFileParser parser = new UnitFileParser();
    private final DaemonUnits proxy = new DaemonCatalog().find("virtproxyd").orElseThrow();

    @Test
    void substitutesEveryVariable() throws Exception {
        UnitFile t = parser.parse("t", "[Service]\n"
                + "X=@runstatedir@|@sbindir@|@sysconfdir@|@initconfdir@|@sockmode@\n"
                + "Y=@name@|@service@|@SERVICE@|@sockprefix@\n"
                + "Environment=@SERVICE@_ARGS=\"--timeout 120\"\n");
        InstallPaths paths = new InstallPaths("/r", "/s", "/e", "/e/d", "0660");
        UnitFile out = new Substitution().apply(t, UnitVariables.of(proxy, paths));
        assertEquals("[Service]\nX=/r|/s|/e|/e/d|0660\nY=proxy|virtproxyd|VIRTPROXYD|libvirt\n"
                + "Environment=VIRTPROXYD_ARGS=\"--timeout 120\"\n", out.render());
    }

    @Test
    void shellVariablesWithoutAtSignsAreLeftAlone() throws Exception {
        UnitFile t = parser.parse("t", "[Service]\nExecReload=/bin/kill -HUP $MAINPID\n");
        UnitFile out = new Substitution().apply(t, UnitVariables.of(proxy, InstallPaths.defaults()));
        assertEquals(List.of("/bin/kill -HUP $MAINPID"), out.values(org.virtd.units.model.SectionName.SERVICE, "ExecReload"));
    }

    @Test
    void undefinedVariableIsAnError() throws Exception {
        UnitFile t = parser.parse("virtd.socket.in", "[Socket]\nListenStream=@rundir@/x\n");
        UnitBuildException e = assertThrows(UnitBuildException.class,
                () -> new Substitution().apply(t, UnitVariables.of(proxy, InstallPaths.defaults())));
        assertTrue(e.getMessage().contains("virtd.socket.in: ListenStream=@rundir@/x uses undefined variable @rundir@"),
                e.getMessage());
    }

    @Test
    void installPathsRejectRelativeOrOddValues() {
        assertThrows(IllegalArgumentException.class, () -> new InstallPaths("run", "/s", "/e", "/d", "0600"));
        assertThrows(IllegalArgumentException.class, () -> new InstallPaths("/run", "/my sbin", "/e", "/d", "0600"));
        assertThrows(IllegalArgumentException.class, () -> new InstallPaths("/run", "/s", "/e", "/d", "rw"));
    }
}
