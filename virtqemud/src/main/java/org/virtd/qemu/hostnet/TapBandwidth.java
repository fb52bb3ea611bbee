package org.virtd.qemu.hostnet;

import org.virtd.conf.domain.NetBandwidth;
import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A guest NIC's rate limits on its host tap with {@code tc}, the way libvirt shapes them
 * (virNetDevBandwidthSet): what the guest receives leaves the tap, so it is shaped by an HTB
 * class on the tap's root; what the guest sends enters the tap and is policed on its ingress.
 * Earlier limits are cleared first. A failing {@code tc} is reported with its command line,
 * status and output as libvirt reports a failed child process.
 */
public final class TapBandwidth {

    private static final long TIMEOUT_S = 10;
    private static final long MTU = 1500;

    private TapBandwidth() {
    }

    public static void apply(String dev, String mac, NetBandwidth b) throws VirtException {
        NetBandwidth.Rate toGuest = b.inbound();
        NetBandwidth.Rate fromGuest = b.outbound();
        if (toGuest != null && toGuest.floor() != 0) {
            throw new VirtException(ErrorCode.OPERATION_UNSUPPORTED, ErrorDomain.NONE,
                    "Invalid use of 'floor' on interface with MAC address " + mac + " - 'floor' is only supported "
                            + "for interface type 'network' with forward type 'nat', 'route', 'open' or none");
        }
        clear(dev);
        if (toGuest != null && toGuest.average() != 0) {
            String average = toGuest.average() + "kbps";
            run("qdisc", "add", "dev", dev, "root", "handle", "1:", "htb", "default", "1");
            List<String> cls = new ArrayList<>(List.of("class", "add", "dev", dev, "parent", "1:", "classid", "1:1",
                    "htb", "rate", average));
            if (toGuest.peak() != 0) {
                cls.addAll(List.of("ceil", toGuest.peak() + "kbps"));
            }
            if (toGuest.burst() != 0) {
                cls.addAll(List.of("burst", toGuest.burst() + "kb"));
            }
            // an HTB class should hand out about one MTU per round, which its rate alone may not give
            cls.addAll(List.of("quantum", Long.toString(Math.max(1, toGuest.average() * 1024 / 8 / MTU))));
            run(cls.toArray(String[]::new));
            run("qdisc", "add", "dev", dev, "parent", "1:1", "handle", "2:", "sfq", "perturb", "10");
            run("filter", "add", "dev", dev, "parent", "1:0", "protocol", "all", "prio", "1", "handle", "1", "fw",
                    "flowid", "1");
        }
        if (fromGuest != null) {
            long burst = fromGuest.burst() != 0 ? fromGuest.burst()
                    : Math.min(fromGuest.average(), 0xffffffffL / 1024);
            run("qdisc", "add", "dev", dev, "ingress");
            run("filter", "add", "dev", dev, "parent", "ffff:", "protocol", "all", "u32", "match", "u32", "0", "0",
                    "police", "rate", fromGuest.average() + "kbps", "burst", burst + "kb", "mtu", "64kb", "drop",
                    "flowid", ":1");
        }
    }

    /** Removes any shaping and policing; a tap without them is fine. */
    static void clear(String dev) {
        try {
            exec(List.of("qdisc", "del", "dev", dev, "root"));
            exec(List.of("qdisc", "del", "dev", dev, "ingress"));
        } catch (VirtException e) {
            // nothing to clear
        }
    }

    private static void run(String... args) throws VirtException {
        Result r = exec(List.of(args));
        if (r.status != 0) {
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, "Child process (tc "
                    + String.join(" ", args) + ") unexpected exit status " + r.status + ": " + r.output);
        }
    }

    private record Result(int status, String output) {
    }

    private static Result exec(List<String> args) throws VirtException {
        List<String> cmd = new ArrayList<>();
        cmd.add(tc());
        cmd.addAll(args);
        try {
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(TIMEOUT_S, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, "tc did not finish");
            }
            return new Result(p.exitValue(), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE,
                    "Cannot find 'tc' in path: No such file or directory");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirtException(ErrorCode.INTERNAL_ERROR, ErrorDomain.NONE, "interrupted while running tc");
        }
    }

    private static String tc() {
        for (String tc : new String[] {"/usr/sbin/tc", "/sbin/tc"}) {
            if (Files.isExecutable(Path.of(tc))) {
                return tc;
            }
        }
        return "tc";
    }
}
