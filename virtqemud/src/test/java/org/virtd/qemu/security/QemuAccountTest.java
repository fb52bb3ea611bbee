package org.virtd.qemu.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QemuAccountTest {
    @TempDir
    Path dir;

    private Optional<QemuAccount> resolve(String user, String group) throws Exception {
        Path passwd = Files.writeString(dir.resolve("passwd"),
                "root:x:0:0:root:/root:/bin/bash\nlibvirt-qemu:x:64055:64055:Libvirt Qemu:/var/lib/libvirt:/usr/sbin/nologin\n");
        Path groups = Files.writeString(dir.resolve("group"),
                "root:x:0:\nkvm:x:64054:libvirt-qemu\nlibvirt-qemu:x:64055:\naudio:x:29:other\n");
        return QemuAccount.resolve(user, group, passwd, groups);
    }

    @Test
    void namesComeFromPasswdAndGroupWithTheUsersOtherGroups() throws Exception {
        QemuAccount a = resolve("libvirt-qemu", "libvirt-qemu").orElseThrow();
        assertEquals(new QemuAccount(64055, 64055, List.of(64055, 64054)), a);
        assertEquals("+64055:+64055", a.label());
        assertTrue(resolve("root", "root").orElseThrow().isRoot());
    }

    @Test
    void numbersNeedNoEntry() throws Exception {
        assertEquals(new QemuAccount(107, 108, List.of(108)), resolve("+107", "+108").orElseThrow());
    }

    @Test
    void aMissingAccountIsEmpty() throws Exception {
        assertTrue(resolve("qemu", "libvirt-qemu").isEmpty());
        assertTrue(resolve("libvirt-qemu", "qemu").isEmpty());
    }
}
