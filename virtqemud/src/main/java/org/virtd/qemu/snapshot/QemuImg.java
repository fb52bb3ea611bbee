package org.virtd.qemu.snapshot;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code qemu-img} for images of shut-off guests: internal snapshots ({@code snapshot -c/-a/-d})
 * and overlays; a failure reads as libvirt reports a failed child process.
 */
final class QemuImg {
    private static final long LIMIT_SECONDS = 300;

    private final String binary;

    QemuImg(String binary) {
        this.binary = binary;
    }

    void run(String... args) throws VirtException {
        output(args);
    }

    /** The virtual size in bytes of an image, read without taking QEMU's locks. */
    long virtualSize(String image) throws VirtException {
        String json = output("info", "-U", "--output=json", image);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"virtual-size\":\\s*(\\d+)").matcher(json);
        if (!m.find()) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.QEMU,
                    "cannot read the size of '" + image + "'");
        }
        return Long.parseLong(m.group(1));
    }

    String output(String... args) throws VirtException {
        List<String> cmd = new ArrayList<>();
        cmd.add(binary);
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw failure(cmd, "timed out");
            }
            if (p.exitValue() != 0) {
                throw failure(cmd, "unexpected exit status " + p.exitValue() + ": "
                        + new String(out, StandardCharsets.UTF_8).strip());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE,
                    "Cannot run " + binary + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(cmd, "interrupted");
        }
    }

    private static VirtException failure(List<String> cmd, String what) {
        return new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE,
                "Child process (" + String.join(" ", cmd) + ") " + what);
    }
}
