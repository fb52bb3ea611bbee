package org.virtd.qemu.hostnet;

import org.virtd.rpc.error.ErrorCode;
import org.virtd.rpc.error.ErrorDomain;
import org.virtd.rpc.error.VirtException;

import java.nio.ByteBuffer;

/**
 * Creates and deletes tap devices through /dev/net/tun. A tap is made persistent and its file
 * closed: QEMU, which cannot inherit a descriptor from the JVM, opens it again by name (the
 * kernel lets one opener at a time attach), and the daemon deletes it when the guest stops.
 */
public final class TapDevices {
    private TapDevices() {
    }

    /** Creates (or takes over an existing persistent) tap {@code dev}; returns the kernel's name for it. */
    public static String create(String dev) throws VirtException {
        int fd;
        try {
            fd = NetIoctl.openTun();
        } catch (NetIoctl.Errno e) {
            throw HostLinks.system("Unable to open /dev/net/tun, is tun module loaded?", e);
        }
        try {
            ByteBuffer r = NetIoctl.ifreq(dev);
            if (dev.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= NetIoctl.IFNAMSIZ) {
                throw new VirtException(ErrorCode.SYSTEM_ERROR, ErrorDomain.NONE,
                        "Network interface name '" + dev + "' is too long: Numerical result out of range");
            }
            r.putShort(NetIoctl.IFNAMSIZ, (short) (NetIoctl.IFF_TAP | NetIoctl.IFF_NO_PI));
            try {
                NetIoctl.ioctl(fd, NetIoctl.TUNSETIFF, r);
            } catch (NetIoctl.Errno e) {
                throw HostLinks.system("Unable to create tap device " + dev, e);
            }
            try {
                NetIoctl.ioctl(fd, NetIoctl.TUNSETPERSIST, 1);
            } catch (NetIoctl.Errno e) {
                throw HostLinks.system("Unable to set tap device " + dev + " to persistent", e);
            }
            return NetIoctl.name(r);
        } finally {
            NetIoctl.close(fd);
        }
    }

    /** Removes tap {@code dev} (it goes once no process holds it); false when it could not be. */
    public static boolean delete(String dev) {
        int fd = -1;
        try {
            fd = NetIoctl.openTun();
            ByteBuffer r = NetIoctl.ifreq(dev);
            r.putShort(NetIoctl.IFNAMSIZ, (short) (NetIoctl.IFF_TAP | NetIoctl.IFF_NO_PI));
            NetIoctl.ioctl(fd, NetIoctl.TUNSETIFF, r);
            NetIoctl.ioctl(fd, NetIoctl.TUNSETPERSIST, 0);
            return true;
        } catch (NetIoctl.Errno | RuntimeException e) {
            return false;
        } finally {
            NetIoctl.close(fd);
        }
    }
}
