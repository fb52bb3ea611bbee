package org.virtd.qemu.hostnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Traffic counters of a host device as virDomainInterfaceStats reports them, from
 * {@code /proc/net/dev} (always the daemon's own network namespace, as libvirt reads them). A
 * tap's host side sees the guest's traffic mirrored (what the guest sends, the host receives),
 * so for taps the directions are swapped to give the guest's view, as libvirt does.
 */
public record InterfaceCounters(long rxBytes, long rxPackets, long rxErrors, long rxDropped,
                                long txBytes, long txPackets, long txErrors, long txDropped) {
    private static final Path PROC_NET_DEV = Path.of("/proc/net/dev");

    /** Counters of {@code dev}; null when the device is not there. */
    public static InterfaceCounters of(String dev, boolean swapped) {
        try {
            return parse(Files.readString(PROC_NET_DEV), dev, swapped);
        } catch (IOException e) {
            return null;
        }
    }

    /** From the text of /proc/net/dev: "dev: rx bytes packets errs drop fifo frame compressed multicast tx bytes packets errs drop ...". */
    static InterfaceCounters parse(String procNetDev, String dev, boolean swapped) {
        for (String line : procNetDev.split("\n")) {
            int colon = line.indexOf(':');
            if (colon < 0 || !line.substring(0, colon).strip().equals(dev)) {
                continue;
            }
            String[] f = line.substring(colon + 1).strip().split("\\s+");
            if (f.length < 12) {
                return null;
            }
            try {
                long rb = Long.parseLong(f[0]);
                long rp = Long.parseLong(f[1]);
                long re = Long.parseLong(f[2]);
                long rd = Long.parseLong(f[3]);
                long tb = Long.parseLong(f[8]);
                long tp = Long.parseLong(f[9]);
                long te = Long.parseLong(f[10]);
                long td = Long.parseLong(f[11]);
                return swapped ? new InterfaceCounters(tb, tp, te, td, rb, rp, re, rd)
                        : new InterfaceCounters(rb, rp, re, rd, tb, tp, te, td);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
