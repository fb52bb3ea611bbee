package org.virtd.qemu.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The uid, gid and supplementary groups QEMU runs with, resolved from qemu.conf's {@code user}
 * and {@code group} (a name from the host's passwd and group files, or {@code +N}).
 */
public record QemuAccount(int uid, int gid, List<Integer> groups) {
    public static final QemuAccount ROOT = new QemuAccount(0, 0, List.of());

    public QemuAccount {
        groups = List.copyOf(groups);
    }

    /** libvirt's DAC label text, {@code +uid:+gid}. */
    public String label() {
        return "+" + uid + ":+" + gid;
    }

    public boolean isRoot() {
        return uid == 0 || gid == 0;
    }

    /** Resolves against the host's /etc/passwd and /etc/group. */
    public static Optional<QemuAccount> resolve(String user, String group) {
        return resolve(user, group, Path.of("/etc/passwd"), Path.of("/etc/group"));
    }

    static Optional<QemuAccount> resolve(String user, String group, Path passwdFile, Path groupFile) {
        List<String[]> passwd = entries(passwdFile);
        List<String[]> groups = entries(groupFile);
        String userName = null;
        Integer uid = numeric(user);
        Integer primary = null;
        for (String[] p : passwd) {
            if (p.length >= 4 && (uid == null ? p[0].equals(user) : p[2].equals(String.valueOf(uid)))) {
                userName = p[0];
                uid = Integer.valueOf(p[2]);
                primary = Integer.valueOf(p[3]);
                break;
            }
        }
        if (uid == null) {
            return Optional.empty();
        }
        Integer gid = numeric(group);
        if (gid == null) {
            for (String[] g : groups) {
                if (g.length >= 3 && g[0].equals(group)) {
                    gid = Integer.valueOf(g[2]);
                    break;
                }
            }
        }
        if (gid == null) {
            return Optional.empty();
        }
        // the group asked for and the user's own groups, as getgrouplist() gives them: libvirt
        // runs QEMU with that list, so the gid is among the supplementary groups too
        List<Integer> extra = new ArrayList<>(List.of(gid));
        if (primary != null && !primary.equals(gid)) {
            extra.add(primary);
        }
        for (String[] g : groups) {
            if (userName != null && g.length >= 4 && List.of(g[3].split(",")).contains(userName)) {
                Integer id = Integer.valueOf(g[2]);
                if (!extra.contains(id)) {
                    extra.add(id);
                }
            }
        }
        return Optional.of(new QemuAccount(uid, gid, extra));
    }

    private static Integer numeric(String name) {
        if (name.startsWith("+") && name.length() > 1 && name.substring(1).chars().allMatch(Character::isDigit)) {
            return Integer.valueOf(name.substring(1));
        }
        return null;
    }

    private static List<String[]> entries(Path file) {
        try {
            return Files.readAllLines(file).stream().filter(l -> !l.isBlank() && !l.startsWith("#"))
                    .map(l -> l.split(":", -1)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}
