package org.virtd.it.diff;

import org.virtd.it.harness.Anchor;
import org.virtd.it.harness.QemuProcesses;
import org.virtd.it.harness.VirtqemudProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The suite's real daemons: for each qemu.conf a file names (the lab one for most), libvirtd
 * and our virtqemud both started in it, and virtproxyd in front of ours; started the first time
 * a file asks, stopped (newest first) by {@link #close}. Work directories of equal length for
 * the two sides: virsh pads its tables to the longest path it prints.
 */
final class LiveDaemons implements Daemons, AutoCloseable {
    private final Path root;
    private final Path confDir;
    private final boolean proxy;
    private final Map<String, Trio> started = new HashMap<>();
    private final Deque<AutoCloseable> running = new ArrayDeque<>();

    LiveDaemons(Path root, Path confDir, boolean proxy) {
        this.root = root;
        this.confDir = confDir;
        this.proxy = proxy;
    }

    @Override
    public Trio in(String qemuConf) throws IOException, InterruptedException {
        String key = qemuConf == null ? "lab" : qemuConf;
        Trio trio = started.get(key);
        if (trio == null) {
            trio = start(qemuConf, root.resolve(key));
            started.put(key, trio);
        }
        return trio;
    }

    private Trio start(String qemuConf, Path dir) throws IOException, InterruptedException {
        Path conf = null;
        Path prefix = dir.resolve("ours");
        if (qemuConf != null) {
            // a confined QEMU (another account) must reach the work directories' disks and logs
            Files.createDirectories(dir);
            for (Path p = dir; p.startsWith(root); p = p.getParent()) {
                Files.setPosixFilePermissions(p, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            conf = confDir.resolve(qemuConf + ".conf");
            if (!Files.isRegularFile(conf)) {
                throw new IOException("no qemu.conf " + conf + " for a scenario file naming '" + qemuConf + "'");
            }
            Path ourConf = prefix.resolve("etc/libvirt/qemu.conf");
            Files.createDirectories(ourConf.getParent());
            Files.copy(conf, ourConf);
        }
        // without a qemu.conf of its own, VirtqemudProcess gives ours the lab one (LabQemuConf)
        Anchor anchor = Anchor.start(dir.resolve("anchor"), conf);
        running.push(anchor);
        VirtqemudProcess ours = VirtqemudProcess.start(prefix);
        running.push(ours);
        Target oracle = new Target("libvirtd", anchor.uri(), dir.resolve("work-1"), "", dir.resolve("anchor/lib"))
                .withRestart(anchor::killAndRestart);
        Target.Restart ourRestart = () -> {
            ours.kill();
            ours.restart();
        };
        Target us = new Target("virtqemud", "qemu+unix:///system?socket=" + prefix.resolve("run/libvirt/virtqemud-sock"),
                dir.resolve("work-2"), prefix.toString()).withRestart(ourRestart);
        Target proxied = null;
        if (proxy) {
            // the same daemon through virtproxyd's legacy socket must answer exactly as directly
            VirtqemudProcess virtproxyd = VirtqemudProcess.start(prefix, "virtproxyd", Map.of());
            running.push(virtproxyd);
            proxied = new Target("virtproxyd", "qemu+unix:///system?socket=" + virtproxyd.socket(),
                    dir.resolve("work-3"), prefix.toString()).withRestart(ourRestart);
        }
        return new Trio(oracle, us, proxied);
    }

    @Override
    public void close() throws Exception {
        Exception first = null;
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        // guests a file's teardown missed outlive our daemon, as they would libvirtd's
        QemuProcesses.killUnder(root);
        if (first != null) {
            throw first;
        }
    }
}
