package org.virtd.it.vbox;

import org.virtd.it.harness.Cli;
import org.virtd.it.harness.VirtqemudProcess;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One VirtualBox stand-in state (VBOX_USER_HOME and HOME under a test's directory) and the
 * environment a virtvboxd needs to use it: the stand-in's directory first on PATH, then
 * /usr/bin so its python3 is not a slow pyenv shim.
 */
final class VboxStandIn {
    private final Path home;
    private final Path userHome;

    VboxStandIn(Path dir) throws IOException {
        this.home = Files.createDirectories(dir.resolve("home"));
        this.userHome = Files.createDirectories(dir.resolve("vbox"));
    }

    static Path dir() {
        Path d = VirtqemudProcess.repo().resolve("../shared/vbox").normalize();
        Cli.requireTool(d.resolve("VBoxManage").toString());
        return d;
    }

    Map<String, String> env() {
        return Map.of("PATH", dir() + ":/usr/bin:/bin", "VBOX_USER_HOME", userHome.toString(),
                "HOME", home.toString());
    }

    /** Runs the stand-in directly, as a user behind the daemon's back would. */
    Cli.Result manage(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("env", "PATH=" + env().get("PATH"),
                "VBOX_USER_HOME=" + userHome, "HOME=" + home, "VBoxManage"));
        cmd.addAll(List.of(args));
        return Cli.run(cmd, 60);
    }

    /** A file the stand-in recognises as a (sparse VMDK) hard disk image. */
    static Path diskImage(Path file) throws IOException {
        byte[] header = new byte[1 << 16];
        header[0] = 'K';
        header[1] = 'D';
        header[2] = 'M';
        header[3] = 'V';
        Files.write(file, header);
        return file;
    }
}
