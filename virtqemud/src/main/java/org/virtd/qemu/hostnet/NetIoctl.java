package org.virtd.qemu.hostnet;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The Linux calls on network devices the JDK lacks: {@code ioctl}s on a {@code struct ifreq}
 * (tun/tap, MAC, MTU, flags, bridge ports). Failures carry the errno so callers can word the
 * error as libvirt does. Request numbers are the generic Linux ones (x86_64, aarch64).
 */
final class NetIoctl {
    static final long TUNSETIFF = 0x400454caL;
    static final long TUNSETPERSIST = 0x400454cbL;
    static final long SIOCGIFFLAGS = 0x8913;
    static final long SIOCSIFFLAGS = 0x8914;
    static final long SIOCGIFMTU = 0x8921;
    static final long SIOCSIFMTU = 0x8922;
    static final long SIOCSIFHWADDR = 0x8924;
    static final long SIOCGIFINDEX = 0x8933;
    static final long SIOCBRADDIF = 0x89a2;

    static final short IFF_UP = 0x1;
    static final short IFF_TAP = 0x0002;
    static final short IFF_NO_PI = 0x1000;
    static final short IFF_VNET_HDR = 0x4000;

    /** IFNAMSIZ: names are at most 15 bytes and a NUL. */
    static final int IFNAMSIZ = 16;
    private static final int IFREQ_SIZE = 40;
    private static final int O_RDWR = 2;
    private static final int AF_INET = 2;
    private static final int SOCK_DGRAM = 2;
    private static final short ARPHRD_ETHER = 1;

    interface LibC extends Library {
        LibC INSTANCE = Native.load("libc.so.6", LibC.class);

        int open(String path, int flags) throws LastErrorException;

        int socket(int domain, int type, int protocol) throws LastErrorException;

        int ioctl(int fd, NativeLong request, byte[] arg) throws LastErrorException;

        int ioctl(int fd, NativeLong request, NativeLong arg) throws LastErrorException;

        int close(int fd);

        String strerror(int errnum);
    }

    /** A failed call: its errno and the C library's words for it. */
    static final class Errno extends Exception {
        final int code;

        Errno(int code) {
            super(LibC.INSTANCE.strerror(code));
            this.code = code;
        }
    }

    private NetIoctl() {
    }

    static int openTun() throws Errno {
        try {
            return LibC.INSTANCE.open("/dev/net/tun", O_RDWR);
        } catch (LastErrorException e) {
            throw new Errno(e.getErrorCode());
        }
    }

    static void close(int fd) {
        if (fd >= 0) {
            LibC.INSTANCE.close(fd);
        }
    }

    /** A struct ifreq naming {@code dev}; the union at offset 16 is left for the caller. */
    static ByteBuffer ifreq(String dev) {
        ByteBuffer b = ByteBuffer.allocate(IFREQ_SIZE).order(ByteOrder.nativeOrder());
        byte[] name = dev == null ? new byte[0] : dev.getBytes(StandardCharsets.UTF_8);
        b.put(name, 0, Math.min(name.length, IFNAMSIZ - 1));
        return b;
    }

    static String name(ByteBuffer ifreq) {
        byte[] a = ifreq.array();
        int n = 0;
        while (n < IFNAMSIZ && a[n] != 0) {
            n++;
        }
        return new String(a, 0, n, StandardCharsets.UTF_8);
    }

    static void ioctl(int fd, long request, ByteBuffer ifreq) throws Errno {
        try {
            LibC.INSTANCE.ioctl(fd, new NativeLong(request), ifreq.array());
        } catch (LastErrorException e) {
            throw new Errno(e.getErrorCode());
        }
    }

    static void ioctl(int fd, long request, long arg) throws Errno {
        try {
            LibC.INSTANCE.ioctl(fd, new NativeLong(request), new NativeLong(arg));
        } catch (LastErrorException e) {
            throw new Errno(e.getErrorCode());
        }
    }

    /** Runs one ifreq ioctl on a throw-away AF_INET socket, as the SIOC* calls need. */
    static ByteBuffer onSocket(long request, ByteBuffer ifreq) throws Errno {
        int s;
        try {
            s = LibC.INSTANCE.socket(AF_INET, SOCK_DGRAM, 0);
        } catch (LastErrorException e) {
            throw new Errno(e.getErrorCode());
        }
        try {
            ioctl(s, request, ifreq);
            return ifreq;
        } finally {
            close(s);
        }
    }

    /** The ifreq union as a sockaddr holding an Ethernet address. */
    static ByteBuffer withHwaddr(ByteBuffer ifreq, byte[] mac) {
        ifreq.putShort(IFNAMSIZ, ARPHRD_ETHER);
        for (int i = 0; i < 6; i++) {
            ifreq.put(IFNAMSIZ + 2 + i, mac[i]);
        }
        return ifreq;
    }
}
