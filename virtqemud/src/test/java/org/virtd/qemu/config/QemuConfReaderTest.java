package org.virtd.qemu.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.core.config.ConfParser;
import org.virtd.core.config.ConfigException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QemuConfReaderTest {
    private static final Path STATE = Path.of("/var/lib/libvirt");

    private static QemuConf read(String text) throws ConfigException {
        return QemuConfReader.read(ConfParser.parse("/etc/libvirt/qemu.conf", text), STATE);
    }

    private static String error(String text) {
        return assertThrows(ConfigException.class, () -> read(text)).getMessage();
    }

    @Test
    void anEmptyFileGivesLibvirtsDefaults() throws ConfigException {
        QemuConf c = read("");
        assertEquals("127.0.0.1", c.vncListen());
        assertEquals("127.0.0.1", c.spiceListen());
        assertEquals(ImageFormat.RAW, c.saveImageFormat());
        assertEquals(ImageFormat.RAW, c.dumpImageFormat());
        assertEquals(Path.of("/var/lib/libvirt/qemu/dump"), c.autoDumpPath());
        assertTrue(c.logTimestamp());
        assertFalse(c.setProcessName());
        assertEquals("logd", c.stdioHandler());
        assertEquals(0, c.maxFiles());
    }

    @Test
    void readsEveryKeyItActsOn() throws ConfigException {
        QemuConf c = read("""
                user = "root"
                group = "+0"
                security_driver = [ "dac" ]
                vnc_listen = "0.0.0.0"
                vnc_auto_unix_socket = 1
                spice_listen = "::1"
                stdio_handler = "file"
                max_processes = 200
                max_files = 4096
                max_threads_per_process = 640
                save_image_format = "gzip"
                dump_image_format = "xz"
                auto_dump_path = "/srv/dumps"
                auto_start_bypass_cache = 1
                set_process_name = 1
                log_timestamp = 0
                nvram = [ "/usr/share/OVMF/OVMF_CODE.fd:/usr/share/OVMF/OVMF_VARS.fd" ]
                """);
        assertEquals("+0", c.group());
        assertEquals(List.of("dac"), c.securityDrivers());
        assertEquals("0.0.0.0", c.vncListen());
        assertTrue(c.vncAutoUnixSocket());
        assertEquals("::1", c.spiceListen());
        assertEquals("file", c.stdioHandler());
        assertEquals(200, c.maxProcesses());
        assertEquals(4096, c.maxFiles());
        assertEquals(640, c.cgroups().maxThreadsPerProcess());
        assertEquals(ImageFormat.GZIP, c.saveImageFormat());
        assertEquals(ImageFormat.XZ, c.dumpImageFormat());
        assertEquals(Path.of("/srv/dumps"), c.autoDumpPath());
        assertTrue(c.autoStartBypassCache());
        assertTrue(c.setProcessName());
        assertFalse(c.logTimestamp());
        assertEquals(List.of(new QemuConf.Firmware(Path.of("/usr/share/OVMF/OVMF_CODE.fd"),
                Path.of("/usr/share/OVMF/OVMF_VARS.fd"))), c.nvram());
    }

    @Test
    void confinementDefaultsAreLibvirtsAndTheLabConfigTurnsThemOff() throws ConfigException {
        QemuConf d = read("");
        assertEquals("libvirt-qemu", d.user());
        assertEquals(QemuConf.Confinement.DEFAULT, d.confinement());
        QemuConf lab = read("""
                user = "root"
                group = "root"
                dynamic_ownership = 0
                remember_owner = 0
                seccomp_sandbox = 0
                namespaces = [ ]
                """);
        assertEquals(new QemuConf.Confinement(false, false, 0, List.of()), lab.confinement());
    }

    @Test
    void confinementValuesAreChecked() {
        assertTrue(error("seccomp_sandbox = 2\n").contains(":1: seccomp_sandbox must be -1, 0 or 1"));
        assertTrue(error("namespaces = [ \"net\" ]\n").contains(":1: Unknown namespace: net"));
        assertTrue(error("security_driver = \"selinux\"\n").contains("Security driver selinux not enabled"));
    }

    @Test
    void aSingleSecurityDriverMayBeAString() throws ConfigException {
        assertEquals(List.of("none"), read("security_driver = \"none\"\n").securityDrivers());
    }

    @Test
    void errorsNameTheFileTheLineAndTheKey() {
        assertEquals("internal error: /etc/libvirt/qemu.conf:2: expected a string for 'vnc_listen' parameter",
                error("# a comment\nvnc_listen = 1\n"));
        assertEquals("internal error: /etc/libvirt/qemu.conf:1: Invalid image format 'lzma' for "
                + "'save_image_format' parameter: expected raw, gzip, bzip2, xz or lzop",
                error("save_image_format = \"lzma\"\n"));
        assertTrue(error("dump_image_format = \"zstd\"\n").contains("Invalid image format 'zstd'"));
        assertEquals("internal error: /etc/libvirt/qemu.conf:1: expected an unsigned integer for 'max_files' "
                + "parameter", error("max_files = \"many\"\n"));
        assertEquals("internal error: /etc/libvirt/qemu.conf:1: Unknown stdio handler 'syslog' for "
                + "'stdio_handler' parameter: expected logd or file", error("stdio_handler = \"syslog\"\n"));
        assertTrue(error("user = \"no-such-user-here\"\n").startsWith(
                "internal error: /etc/libvirt/qemu.conf:1: Failed to parse user 'no-such-user-here'"));
        assertTrue(error("security_driver = [ \"none\", \"dac\" ]\n").contains(":1: Security driver 'none'"));
        assertTrue(error("nvram = [ \"/only/a/loader\" ]\n").contains(":1: Invalid nvram format: '/only/a/loader'"));
        assertTrue(error("auto_dump_path = \"dumps\"\n").contains("not an absolute path for 'auto_dump_path'"));
        assertTrue(error("log_timestamp = 2\n").contains("value for 'log_timestamp' parameter must be 0 or 1"));
    }

    @Test
    void keysItDoesNotActOnAreListedOnceInFileOrder() throws ConfigException {
        var f = ConfParser.parse("q", "vnc_tls = 1\nvnc_listen = \"::\"\nhugetlbfs_mount = \"/x\"\nvnc_tls = 0\n");
        assertEquals(List.of("vnc_tls", "hugetlbfs_mount"), QemuConfReader.ignoredKeys(f));
    }

    @Test
    void aMissingFileIsTheDefaultsAndAReloadErrorKeepsTheOldValues(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("qemu.conf");
        QemuConfSource source = QemuConfSource.open(file, STATE);
        assertEquals("127.0.0.1", source.get().vncListen());
        Files.writeString(file, "vnc_listen = \"0.0.0.0\"\n");
        source.reload();
        assertEquals("0.0.0.0", source.get().vncListen());
        Files.writeString(file, "vnc_listen = 0\n");
        assertTrue(source.reload().startsWith("qemu.conf kept (internal error: " + file + ":1:"));
        assertEquals("0.0.0.0", source.get().vncListen());
    }
}
