package org.virtd.qemu.hostnet;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Traffic counters of a host device as virDomainInterfaceStats reports them. A tap's host side
 * sees the guest's traffic mirrored (what the guest sends, the host receives), so for taps the
 * directions are swapped to give the guest's view, as libvirt does.
 */
public record InterfaceCounters(long rxBytes, long rxPackets, long rxErrors, long rxDropped,
                                long txBytes, long txPackets, long txErrors, long txDropped) {

    /** Counters of {@code dev} from sysfs; null when the device is not there. */
    public static InterfaceCounters of(String dev, boolean swapped) {
        Path dir = Path.of("/sys/class/net", dev, "statistics");
        try {
            long rb = read(dir, "rx_bytes");
            long rp = read(dir, "rx_packets");
            long re = read(dir, "rx_errors");
            long rd = read(dir, "rx_dropped");
            long tb = read(dir, "tx_bytes");
            long tp = read(dir, "tx_packets");
            long te = read(dir, "tx_errors");
            long td = read(dir, "tx_dropped");
            return swapped ? new InterfaceCounters(tb, tp, te, td, rb, rp, re, rd)
                    : new InterfaceCounters(rb, rp, re, rd, tb, tp, te, td);
        } catch (IOException | NumberFormatException e) {
            return null;
        }
    }

    private static long read(Path dir, String name) throws IOException {
        return Long.parseLong(Files.readString(dir.resolve(name)).strip());
    }
}
