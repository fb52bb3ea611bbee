package org.virtd.qemu.lifecycle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.virtd.conf.domain.DomainDef;
import org.virtd.qemu.process.QemuCommandLine;
import org.virtd.rpc.error.VirtException;

/**
 * virConnectDomainXMLToNative's {@code qemu-argv}: the environment and command line a start of
 * {@code def} would run, without starting anything (libvirt's "pretend" start: id -1, so the
 * domain directory is {@code domain--1-NAME}; firmware is chosen but no NVRAM file is made),
 * written as one shell line the way libvirt prints a command.
 */
public final class PretendCommand {
    private static final List<String> PASSED_ENV = List.of("LD_PRELOAD", "LD_LIBRARY_PATH", "PATH");
    private static final List<String> PASSED_AFTER_HOME = List.of("USER", "LOGNAME", "TMPDIR");

    private final DomainLifecycle lifecycle;

    public PretendCommand(DomainLifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    public String of(DomainDef def) throws VirtException {
        Path dir = lifecycle.dirs().domainDir(-1, def.name());
        DomainDef d = def;
        if (lifecycle.firmware() != null) {
            d = lifecycle.firmware().selection().fill(d);
        }
        List<String> words = new ArrayList<>();
        words.add("LC_ALL=C");
        for (String name : PASSED_ENV) {
            passed(words, name);
        }
        words.add("HOME=" + shell(dir.toString()));
        for (String name : PASSED_AFTER_HOME) {
            passed(words, name);
        }
        words.add("XDG_DATA_HOME=" + shell(dir.resolve(".local/share").toString()));
        words.add("XDG_CACHE_HOME=" + shell(dir.resolve(".cache").toString()));
        words.add("XDG_CONFIG_HOME=" + shell(dir.resolve(".config").toString()));
        for (String arg : QemuCommandLine.build(lifecycle.mapping().map(d, dir.resolve("monitor.sock")))) {
            words.add(shell(arg));
        }
        return String.join(" ", words);
    }

    private static void passed(List<String> words, String name) {
        String value = System.getenv(name);
        if (value != null) {
            words.add(name + "=" + shell(value));
        }
    }

    /** Single-quotes a word holding shell metacharacters (a quote inside becomes '\''). */
    static String shell(String s) {
        boolean plain = !s.isEmpty();
        for (int i = 0; i < s.length() && plain; i++) {
            plain = "\r\t\n !\"#$&'()*;<>?[\\]^`{|}~".indexOf(s.charAt(i)) < 0;
        }
        return plain ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
