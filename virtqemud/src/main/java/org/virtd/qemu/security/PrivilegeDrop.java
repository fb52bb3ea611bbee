package org.virtd.qemu.security;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * QEMU's change of account, made by util-linux's {@code setpriv} just before it runs QEMU:
 * uid, gid and the supplementary groups the account has; leaving root drops every capability.
 */
final class PrivilegeDrop {
    static final Path SETPRIV = Path.of("/usr/bin/setpriv");

    private PrivilegeDrop() {
    }

    static List<String> wrapper(QemuAccount account) {
        List<String> cmd = new ArrayList<>(List.of(SETPRIV.toString(), "--reuid=" + account.uid(),
                "--regid=" + account.gid()));
        cmd.add(account.groups().isEmpty() ? "--clear-groups"
                : "--groups=" + account.groups().stream().map(String::valueOf).collect(Collectors.joining(",")));
        cmd.add("--");
        return cmd;
    }
}
