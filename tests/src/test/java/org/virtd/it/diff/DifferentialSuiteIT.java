package org.virtd.it.diff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;
import org.virtd.it.qemu.lifecycle.TinyGuest;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * libvirtd 9.0 and virtqemud side by side, every scenario of {@code tests/diff} on both
 * ({@code -Ddiff.only=REGEX} narrows it to matching {@code FILE:SCENARIO} keys), and virtqemud a
 * second time through virtproxyd's {@code libvirt-sock} ({@code -Ddiff.proxy=false} skips that);
 * files that name a qemu.conf of their own run on daemons started in it ({@link LiveDaemons}).
 */
class DifferentialSuiteIT {

    @Test
    @Timeout(value = 55, unit = TimeUnit.MINUTES) // about 30 on a quiet 2-core machine; slower ones must not fail for it
    void ourDaemonAnswersLikeLibvirtd(@TempDir Path tmp) throws Exception {
        Cli.requireTool("virsh");
        Cli.requireTool("/usr/bin/python3");
        Path guest = TinyGuest.get().dir();
        Path diffDir = VirtqemudProcess.repo().resolve("tests/diff");
        Pattern only = Pattern.compile(System.getProperty("diff.only", ""));
        boolean proxy = Boolean.parseBoolean(System.getProperty("diff.proxy", "true"));
        try (LiveDaemons daemons = new LiveDaemons(tmp, diffDir.resolve("conf"), proxy)) {
            DifferentialSuite.Report report = new DifferentialSuite(diffDir, guest, only, System.out).run(daemons);
            assertTrue(report.failed().isEmpty(), report.summary() + "\n  " + String.join("\n  ", report.failed()));
        }
    }
}
