package org.virtd.it.qemu.lifecycle;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.virtd.it.qemu.lifecycle.Guests.ok;

/**
 * A UEFI tiny guest ({@code <os firmware='efi'>} on pc, OVMF from the ovmf package loading the
 * tiny kernel): the firmware is chosen at start, QEMU runs with the code and the guest's own
 * variable store as pflash, the store is copied from the template, {@code --reset-nvram} copies it
 * afresh, and undefine keeps or removes it only when told.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UefiFirmwareTest {
    private static final String NAME = "uefi";
    private static final Path CODE = Path.of("/usr/share/OVMF/OVMF_CODE_4M.fd");
    private static final Path TEMPLATE = Path.of("/usr/share/OVMF/OVMF_VARS_4M.fd");

    @TempDir
    static Path prefix;
    static VirtqemudProcess daemon;
    static String uri;
    static Path store;

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Files.exists(Path.of("/usr/share/qemu/firmware/60-edk2-x86_64.json")),
                "the ovmf package (UEFI firmware and its descriptors) is installed");
        TinyGuest guest = TinyGuest.get();
        daemon = VirtqemudProcess.start(prefix);
        uri = daemon.uri();
        String xml = guest.xml(NAME, prefix)
                .replace("<memory unit='MiB'>128</memory>", "<memory unit='MiB'>192</memory>")
                .replace("  <os>\n    <type arch='x86_64'>hvm</type>",
                        "  <os firmware='efi'>\n    <type arch='x86_64' machine='pc'>hvm</type>");
        Path f = prefix.resolve(NAME + ".xml");
        Files.writeString(f, xml);
        ok(uri, "define", f.toString());
        store = prefix.resolve("var/lib/libvirt/qemu/nvram/" + NAME + "_VARS.fd");
    }

    @AfterAll
    static void stop() {
        Guests.cleanUp(prefix, daemon);
    }

    @Test
    @Order(1)
    void firmwareIsChosenAtStartAndBootsTheGuest() throws Exception {
        assertFalse(Files.exists(store), "no store before the first start");
        ok(uri, "start", NAME);
        TinyGuest.awaitBoots(prefix, NAME, 1, Duration.ofSeconds(180));
        String live = ok(uri, "dumpxml", NAME).out();
        assertTrue(live.contains("<loader readonly='yes' type='pflash'>" + CODE + "</loader>"), live);
        assertTrue(live.contains("<nvram template='" + TEMPLATE + "'>" + store + "</nvram>"), live);
        assertFalse(live.contains("firmware='efi'"), live);
        String inactive = ok(uri, "dumpxml", "--inactive", NAME).out();
        assertTrue(inactive.contains("<os firmware='efi'>") && !inactive.contains("<loader"), inactive);
        assertTrue(Files.exists(store), "the store was created");
        String argv = String.join(" ", Guests.qemusUnder(prefix).stream()
                .map(pid -> cmdline(pid)).toList());
        assertTrue(argv.contains("\"filename\":\"" + CODE + "\",\"node-name\":\"libvirt-pflash0-storage\""), argv);
        assertTrue(argv.contains("\"filename\":\"" + store + "\",\"node-name\":\"libvirt-pflash1-storage\""), argv);
        assertTrue(argv.contains("pflash0=libvirt-pflash0-format,pflash1=libvirt-pflash1-format"), argv);
    }

    @Test
    @Order(2)
    void undefineNeedsToBeToldWhatToDoWithTheStore() throws Exception {
        ok(uri, "destroy", NAME);
        Cli.Result r = Cli.virsh(uri, "undefine", NAME);
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("Requested operation is not valid: cannot undefine domain with nvram"), r.all());
    }

    @Test
    @Order(3)
    void resetNvramCopiesTheTemplateAfresh() throws Exception {
        Files.write(store, new byte[] {1, 2, 3});
        ok(uri, "start", "--paused", "--reset-nvram", NAME);
        assertArrayEquals(Files.readAllBytes(TEMPLATE), Files.readAllBytes(store));
        ok(uri, "destroy", NAME);
        byte[] zeros = new byte[(int) Files.size(TEMPLATE)];
        Files.write(store, zeros);
        ok(uri, "start", "--paused", NAME);
        assertTrue(Arrays.equals(zeros, Files.readAllBytes(store)), "an existing store is kept");
        ok(uri, "destroy", NAME);
    }

    @Test
    @Order(4)
    void undefineKeepsOrRemovesTheStore() throws Exception {
        ok(uri, "undefine", "--keep-nvram", NAME);
        assertTrue(Files.exists(store));
        ok(uri, "define", prefix.resolve(NAME + ".xml").toString());
        ok(uri, "undefine", "--nvram", NAME);
        assertFalse(Files.exists(store));
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline"))).replace('\0', ' ');
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
