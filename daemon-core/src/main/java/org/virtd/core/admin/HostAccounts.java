package org.virtd.core.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Names for numeric user and group ids, from the host's passwd and group files. */
final class HostAccounts {
    private HostAccounts() {
    }

    static String userName(long uid) {
        return lookup(Path.of("/etc/passwd"), uid);
    }

    static String groupName(long gid) {
        return lookup(Path.of("/etc/group"), gid);
    }

    private static String lookup(Path file, long id) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                String[] f = line.split(":", -1);
                if (f.length > 2 && f[2].equals(Long.toString(id))) {
                    return f[0];
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
