package org.virtd.it.diff;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.virtd.it.harness.Anchor;
import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;
import org.virtd.it.qemu.lifecycle.TinyGuest;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * libvirtd 9.0 and virtqemud side by side, every scenario of {@code tests/diff} on both
 * ({@code -Ddiff.only=REGEX} narrows it to matching {@code FILE:SCENARIO} keys), and virtqemud a
 * second time through virtproxyd's {@code libvirt-sock} ({@code -Ddiff.proxy=false} skips that).
 */
class DifferentialSuiteIT {

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void ourDaemonAnswersLikeLibvirtd(@TempDir Path tmp) throws Exception {
        Cli.requireTool("virsh");
        Cli.requireTool("/usr/bin/python3");
        Path guest = TinyGuest.get().dir();
        Path diffDir = VirtqemudProcess.repo().resolve("tests/diff");
        Pattern only = Pattern.compile(System.getProperty("diff.only", ""));
        Path prefix = tmp.resolve("ours");
        // VirtqemudProcess gives it the lab qemu.conf libvirtd runs with (LabQemuConf)
        // work directories of equal length: virsh pads its tables to the longest path it prints
        try (Anchor anchor = Anchor.start(tmp.resolve("anchor"));
                VirtqemudProcess ours = VirtqemudProcess.start(prefix);
                VirtqemudProcess proxy = VirtqemudProcess.start(prefix, "virtproxyd", Map.of())) {
            Target oracle = new Target("libvirtd", anchor.uri(), tmp.resolve("work-1"), "",
                    tmp.resolve("anchor/lib")).withRestart(anchor::killAndRestart);
            Target.Restart ourRestart = () -> {
                ours.kill();
                ours.restart();
            };
            Target us = new Target("virtqemud",
                    "qemu+unix:///system?socket=" + prefix.resolve("run/libvirt/virtqemud-sock"),
                    tmp.resolve("work-2"), prefix.toString()).withRestart(ourRestart);
            // the same daemon through virtproxyd's legacy socket must answer exactly as directly
            Target proxied = Boolean.parseBoolean(System.getProperty("diff.proxy", "true"))
                    ? new Target("virtproxyd", "qemu+unix:///system?socket=" + proxy.socket(), tmp.resolve("work-3"),
                    prefix.toString()).withRestart(ourRestart) : null;
            DifferentialSuite.Report report = new DifferentialSuite(diffDir, guest, only, System.out)
                    .run(oracle, us, proxied);
            assertTrue(report.failed().isEmpty(), report.summary() + "\n  " + String.join("\n  ", report.failed()));
        }
    }
}
