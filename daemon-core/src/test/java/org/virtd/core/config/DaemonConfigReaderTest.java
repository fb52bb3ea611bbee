package org.virtd.core.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DaemonConfigReaderTest {
    private static final String F = "/x/virtqemud.conf";

    private static DaemonConfig read(String text) throws ConfigException {
        return DaemonConfigReader.read(ConfParser.parse(F, text));
    }

    private static ConfigException refused(String text) {
        return assertThrows(ConfigException.class, () -> read(text));
    }

    @Test
    void defaultsAreLibvirts() {
        DaemonConfig c = DaemonConfig.defaults(F);
        assertEquals(ServerSettings.MAIN_DEFAULTS, c.main());
        assertEquals(ServerSettings.ADMIN_DEFAULTS, c.admin());
        assertEquals("0700", c.unixSockets().rwPerms());
        assertEquals("0777", c.unixSockets().roPerms());
        assertEquals("0700", c.unixSockets().adminPerms());
        assertEquals("none", c.auth().unixRw());
        assertEquals("sasl", c.auth().tcp());
        assertEquals(56, c.auth().tcpMinSsf());
        assertEquals(List.of("none"), c.auth().accessDrivers());
        assertEquals("16509", c.network().tcpPort());
        assertEquals(0, c.logging().level());
        assertEquals(1, c.audit().level());
        assertEquals(5, c.ovsTimeout());
    }

    @Test
    void readsServerLimitsAndPolkitPerms() throws Exception {
        DaemonConfig c = read("max_clients = 10\nadmin_max_clients = 3\nkeepalive_interval = -1\n"
                + "auth_unix_rw = \"polkit\"\nlog_outputs = \"1:file:/tmp/x.log\"\n");
        assertEquals(10, c.main().maxClients());
        assertEquals(3, c.admin().maxClients());
        assertEquals(-1, c.main().keepaliveInterval());
        assertEquals("0777", c.unixSockets().rwPerms());
        assertEquals(Optional.of("1:file:/tmp/x.log"), c.logging().outputs());
    }

    @Test
    void typeErrorsNameFileLineAndKey() {
        assertEquals("internal error: /x/virtqemud.conf:2: expected an unsigned integer for 'max_clients' parameter",
                refused("# x\nmax_clients = \"5\"\n").getMessage());
        assertEquals("internal error: /x/virtqemud.conf:1: expected a string for 'unix_sock_group' parameter",
                refused("unix_sock_group = 5").getMessage());
        assertEquals("internal error: /x/virtqemud.conf:1: expected a bool for 'listen_tcp' parameter",
                refused("listen_tcp = \"1\"").getMessage());
        assertEquals("internal error: /x/virtqemud.conf:1: value for 'listen_tcp' parameter must be 0 or 1",
                refused("listen_tcp = 2").getMessage());
        assertEquals("internal error: /x/virtqemud.conf:1: value for 'max_clients' parameter must be in range 0:4294967295",
                refused("max_clients = 4294967296").getMessage());
        assertEquals("internal error: /x/virtqemud.conf:1: expected a string list for 'access_drivers' parameter",
                refused("access_drivers = \"none\"").getMessage());
        assertEquals("configuration file syntax error: /x/virtqemud.conf:1: expected a string list for 'access_drivers' parameter",
                refused("access_drivers = [ 1 ]").getMessage());
        assertEquals(1, refused("max_clients = \"5\"").exitStatus());
    }

    @Test
    void valueChecksAsLibvirt() {
        assertEquals("internal error: /x/virtqemud.conf:1: minimum SSF levels lower than 112 are not supported",
                refused("tcp_min_ssf = 56").getMessage());
        assertEquals("internal error: /x/virtqemud.conf:1: 'max_workers' must be greater than 0",
                refused("max_workers = 0").getMessage());
        assertEquals("unsupported configuration: /x/virtqemud.conf:1: auth_unix_ro: unsupported auth bogus",
                refused("auth_unix_ro = \"bogus\"").getMessage());
        assertEquals("internal error: /x/virtqemud.conf:1: Cannot find security driver 'nop'",
                refused("access_drivers = [ \"nop\" ]").getMessage());
        assertEquals("internal error: /x/virtqemud.conf:1: invalid host UUID: 00000000-0000-0000-0000-000000000000",
                refused("host_uuid = \"00000000-0000-0000-0000-000000000000\"").getMessage());
        assertEquals("internal error: /x/virtqemud.conf:1: invalid UUID source: bios",
                refused("host_uuid_source = \"bios\"").getMessage());
    }

    @Test
    void sendQueueWaterMarksAreOursWithDefaults() throws Exception {
        DaemonConfig d = read("");
        assertEquals(32 * 1024, d.main().sendLowWater());
        assertEquals(64 * 1024, d.main().sendHighWater());
        DaemonConfig c = read("client_send_low_water = 1024\nclient_send_high_water = 4096\n"
                + "admin_client_send_high_water = 100000\n");
        assertEquals(1024, c.main().sendLowWater());
        assertEquals(4096, c.main().sendHighWater());
        assertEquals(100000, c.admin().sendHighWater());
        assertEquals(200000, read("client_send_low_water = 200000").main().sendHighWater(), "high follows a higher low");
        assertEquals("internal error: /x/virtqemud.conf:2: 'client_send_high_water' must be at least "
                        + "'client_send_low_water' and above 0",
                refused("client_send_low_water = 8192\nclient_send_high_water = 4096").getMessage());
    }

    @Test
    void socketModesAreOctalOrExitSix() throws Exception {
        DaemonConfig c = read("\nunix_sock_rw_perms = \"0770\"\nunix_sock_ro_perms = \"rwx\"\n");
        assertEquals(0770, SocketModes.rw(c));
        assertEquals(0700, SocketModes.admin(c));
        ConfigException e = assertThrows(ConfigException.class, () -> SocketModes.ro(c));
        assertEquals("/x/virtqemud.conf:3: unix_sock_ro_perms: Failed to parse mode 'rwx'", e.getMessage());
        assertEquals(6, e.exitStatus());
        assertThrows(ConfigException.class, () -> SocketModes.parse(c, "k", "0789"));
    }

    @Test
    void implicitFileMayBeMissingExplicitMayNot(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.conf");
        assertEquals(ServerSettings.MAIN_DEFAULTS, DaemonConfigReader.load(missing, false).main());
        assertEquals("Failed to open file '" + missing + "': No such file or directory",
                assertThrows(ConfigException.class, () -> DaemonConfigReader.load(missing, true)).getMessage());
        Path good = Files.writeString(dir.resolve("a.conf"), "max_clients = 7\n");
        assertEquals(7, DaemonConfigReader.load(good, true).main().maxClients());
    }

    @Test
    void shippedConfigFilesParseAndTheirExamplesHaveTheRightTypes() throws Exception {
        for (String name : List.of("virtqemud", "virtvboxd", "virtproxyd")) {
            Path file = Path.of("src/main/dist/etc/libvirt/" + name + ".conf");
            assertEquals(ServerSettings.MAIN_DEFAULTS, DaemonConfigReader.load(file, true).main());
            String uncommented = Files.readString(file).replaceAll("(?m)^#([a-z_]+ = )", "$1");
            DaemonConfig c = DaemonConfigReader.read(ConfParser.parse(file.toString(), uncommented));
            assertEquals(ServerSettings.MAIN_DEFAULTS, c.main());
            assertEquals(ServerSettings.ADMIN_DEFAULTS, c.admin());
        }
    }
}
