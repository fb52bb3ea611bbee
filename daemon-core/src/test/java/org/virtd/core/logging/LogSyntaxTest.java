package org.virtd.core.logging;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LogSyntaxTest {

    @Test
    void parsesOutputsAndFilters() throws Exception {
        assertEquals(List.of(new LogOutput(LogPriority.INFO, LogOutput.Kind.FILE, "/var/log/x:y.log"),
                        new LogOutput(LogPriority.ERROR, LogOutput.Kind.STDERR, null),
                        new LogOutput(LogPriority.DEBUG, LogOutput.Kind.SYSLOG, "virtqemud"),
                        new LogOutput(LogPriority.WARNING, LogOutput.Kind.JOURNALD, null)),
                LogSyntax.outputs(" 2:file:/var/log/x:y.log 4:stderr  1:syslog:virtqemud 3:journald "));
        assertEquals(List.of(new LogFilter(LogPriority.DEBUG, "qemu"), new LogFilter(LogPriority.ERROR, "util.json")),
                LogSyntax.filters("1:qemu 4:+util.json"));
    }

    @Test
    void errorsUseLibvirtsWording() {
        assertEquals("Invalid log priority '9' for log output '9:nowhere'",
                assertThrows(LogSyntax.LogSyntaxException.class, () -> LogSyntax.outputs("9:nowhere")).getMessage());
        assertEquals("Invalid log destination 'nowhere' for log output '1:nowhere'",
                assertThrows(LogSyntax.LogSyntaxException.class, () -> LogSyntax.outputs("1:nowhere")).getMessage());
        assertEquals("Malformed format for log output '1:file'",
                assertThrows(LogSyntax.LogSyntaxException.class, () -> LogSyntax.outputs("1:file")).getMessage());
        assertEquals("Failed to set logging priority, argument '5' is invalid",
                assertThrows(LogSyntax.LogSyntaxException.class, () -> LogSyntax.level("5")).getMessage());
    }

    @Test
    void precedenceVerboseOverEnvOverConfig() throws Exception {
        Path log = Path.of("/l/virtqemud.log");
        LogSettings config = LogSettings.resolve(new LogSettings.Sources(4, "1:qemu", "4:stderr", Map.of(), false,
                false, log));
        assertEquals(LogPriority.ERROR, config.priority());
        assertEquals("4:stderr", config.outputsText());
        assertEquals(LogPriority.DEBUG, config.threshold("org.virtd.qemu.qmp.QmpClient"));
        assertEquals(LogPriority.ERROR, config.threshold("org.virtd.core.assembly.RpcDaemon"));
        LogSettings env = LogSettings.resolve(new LogSettings.Sources(4, null, "4:stderr",
                Map.of("LIBVIRT_DEBUG", "3", "LIBVIRT_LOG_OUTPUTS", "3:journald"), true, false, log));
        assertEquals(LogPriority.INFO, env.priority());
        assertEquals("3:journald", env.outputsText());
        LogSettings daemon = LogSettings.resolve(new LogSettings.Sources(0, null, null, Map.of(), false, true, log));
        assertEquals("3:file:/l/virtqemud.log", daemon.outputsText());
        assertEquals(null, daemon.filtersText());
    }

    @Test
    void lineFormat() {
        String line = LogLine.format(java.time.Instant.parse("2026-11-21T09:59:12.074Z"), LogPriority.ERROR,
                "main:12", "boom");
        assertEquals("2026-11-21 09:59:12.074+0000: " + ProcessHandle.current().pid() + ": error : main:12 : boom\n",
                line);
    }
}
