package org.virtd.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.units.model.UnitBuildException;
import org.virtd.units.model.UnitFile;
import org.virtd.units.template.InstallPaths;
import org.virtd.units.template.TemplateSource;

class GenerateUnitsTest {

    @Test
    void optionsDeriveSbindirAndInitconfdir() {
        GeneratorOptions o = GeneratorOptions.parse("--output", "/tmp/x", "--prefix", "/opt/virtd/",
                "--sysconfdir", "/opt/etc", "--daemon", "virtqemud");
        assertEquals(new InstallPaths("/run", "/opt/virtd/sbin", "/opt/etc", "/opt/etc/default", "0600"), o.paths());
        assertEquals(List.of("virtqemud"), o.daemons());
        assertThrows(IllegalArgumentException.class, () -> GeneratorOptions.parse("--prefix", "/usr"));
        assertThrows(IllegalArgumentException.class, () -> GeneratorOptions.parse("--output"));
        assertThrows(IllegalArgumentException.class, () -> GeneratorOptions.parse("--output", "x", "--bogus", "1"));
    }

    @Test
    void writesTheUnitsOfTheChosenDaemonForOtherPaths(@TempDir Path dir) throws Exception {
        InstallPaths paths = new InstallPaths("/var/run", "/opt/virtd/sbin", "/opt/etc", "/opt/etc/sysconfig", "0600");
        Map<String, UnitFile> units = new GenerateUnits(TemplateSource.classpath()).render(List.of("virtvboxd"), paths);
        GenerateUnits.write(dir, units);
        try (var files = Files.list(dir)) {
            assertEquals(4, files.count());
        }
        String service = Files.readString(dir.resolve("virtvboxd.service"));
        assertTrue(service.contains("ExecStart=/opt/virtd/sbin/virtvboxd $VIRTVBOXD_ARGS\n"), service);
        assertTrue(service.contains("EnvironmentFile=-/opt/etc/sysconfig/virtvboxd\n"), service);
        assertTrue(Files.readString(dir.resolve("virtvboxd-ro.socket"))
                .contains("ListenStream=/var/run/libvirt/virtvboxd-sock-ro\n"));
    }

    @Test
    void brokenTemplateWritesNothing(@TempDir Path dir) {
        TemplateSource broken = name -> name.equals("virtd-admin.socket.in") ? "[Socket]\nListenStream=@nope@\n"
                : TemplateSource.classpath().read(name);
        assertThrows(UnitBuildException.class,
                () -> new GenerateUnits(broken).render(List.of(), InstallPaths.defaults()));
        assertThrows(IllegalArgumentException.class,
                () -> new GenerateUnits(TemplateSource.classpath()).render(List.of("libvirtd"), InstallPaths.defaults()));
    }
}
