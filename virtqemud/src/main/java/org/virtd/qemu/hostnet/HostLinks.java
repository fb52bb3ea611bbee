package org.virtd.qemu.hostnet;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Settings of a host network device by name (libvirt's virnetdev.c and virnetdevbridge.c):
 * existence, MTU, MAC, IFF_UP and bridge ports. Failures are libvirt's system errors, with its
 * wording followed by the C library's text for the errno.
 */
public final class HostLinks {
    private HostLinks() {
    }

    /** Whether {@code dev} is a device in the daemon's network namespace (asked of the kernel, not sysfs). */
    public static boolean exists(String dev) {
        if (dev == null || dev.isEmpty() || dev.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                >= NetIoctl.IFNAMSIZ) {
            return false;
        }
        try {
            NetIoctl.onSocket(NetIoctl.SIOCGIFINDEX, NetIoctl.ifreq(dev));
            return true;
        } catch (NetIoctl.Errno e) {
            return false;
        }
    }

    public static int mtu(String dev) throws VirtException {
        try {
            return NetIoctl.onSocket(NetIoctl.SIOCGIFMTU, NetIoctl.ifreq(dev)).getInt(NetIoctl.IFNAMSIZ);
        } catch (NetIoctl.Errno e) {
            throw system("Cannot get interface MTU on '" + dev + "'", e);
        }
    }

    public static void setMtu(String dev, int mtu) throws VirtException {
        ByteBuffer r = NetIoctl.ifreq(dev);
        r.putInt(NetIoctl.IFNAMSIZ, mtu);
        try {
            NetIoctl.onSocket(NetIoctl.SIOCSIFMTU, r);
        } catch (NetIoctl.Errno e) {
            throw system("Cannot set interface MTU on '" + dev + "'", e);
        }
    }

    public static void setMac(String dev, byte[] mac) throws VirtException {
        try {
            NetIoctl.onSocket(NetIoctl.SIOCSIFHWADDR, NetIoctl.withHwaddr(NetIoctl.ifreq(dev), mac));
        } catch (NetIoctl.Errno e) {
            throw system("Cannot set interface MAC on '" + dev + "'", e);
        }
    }

    public static void setUp(String dev) throws VirtException {
        ByteBuffer r;
        try {
            r = NetIoctl.onSocket(NetIoctl.SIOCGIFFLAGS, NetIoctl.ifreq(dev));
        } catch (NetIoctl.Errno e) {
            throw system("Cannot get interface flags on '" + dev + "'", e);
        }
        short flags = r.getShort(NetIoctl.IFNAMSIZ);
        if ((flags & NetIoctl.IFF_UP) != 0) {
            return;
        }
        r.putShort(NetIoctl.IFNAMSIZ, (short) (flags | NetIoctl.IFF_UP));
        try {
            NetIoctl.onSocket(NetIoctl.SIOCSIFFLAGS, r);
        } catch (NetIoctl.Errno e) {
            throw system("Cannot set interface flags on '" + dev + "'", e);
        }
    }

    public static void addToBridge(String bridge, String dev) throws VirtException {
        try {
            int index = NetIoctl.onSocket(NetIoctl.SIOCGIFINDEX, NetIoctl.ifreq(dev)).getInt(NetIoctl.IFNAMSIZ);
            ByteBuffer r = NetIoctl.ifreq(bridge);
            r.putInt(NetIoctl.IFNAMSIZ, index);
            NetIoctl.onSocket(NetIoctl.SIOCBRADDIF, r);
        } catch (NetIoctl.Errno e) {
            throw system("Unable to add bridge " + bridge + " port " + dev, e);
        }
    }

    /**
     * Gives {@code dev} no queue of its own, as libvirt does for taps (a queue there only adds
     * latency and lock contention in front of QEMU). Best effort: without {@code tc} the kernel's
     * default stays.
     */
    public static void noQueue(String dev) {
        for (String tc : new String[] {"/usr/sbin/tc", "/sbin/tc"}) {
            if (Files.isExecutable(Path.of(tc))) {
                try {
                    Process p = new ProcessBuilder(tc, "qdisc", "replace", "dev", dev, "root", "handle", "0:",
                            "noqueue").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
                    if (!p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                        p.destroyForcibly();
                    }
                } catch (java.io.IOException e) {
                    // left with the kernel's default queue
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
        }
    }

    static VirtException system(String what, NetIoctl.Errno e) {
        return new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE, what + ": " + e.getMessage());
    }
}
