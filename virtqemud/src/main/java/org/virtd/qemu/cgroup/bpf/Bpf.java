package org.virtd.qemu.cgroup.bpf;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code bpf(2)} commands this daemon needs, through libc's {@code syscall} (JNA). Each
 * command's {@code union bpf_attr} is laid out by hand (offsets of linux/bpf.h, stable ABI) in
 * memory from {@link Native#malloc} and freed right after: JNA's {@code Memory} would start its
 * cleaner thread, which an idle daemon would then keep. Failures are {@link BpfException}s with
 * the errno.
 */
public final class Bpf {
    static final int MAP_CREATE = 0;
    static final int MAP_LOOKUP_ELEM = 1;
    static final int MAP_UPDATE_ELEM = 2;
    static final int MAP_DELETE_ELEM = 3;
    static final int MAP_GET_NEXT_KEY = 4;
    static final int PROG_LOAD = 5;
    static final int PROG_ATTACH = 8;
    static final int PROG_DETACH = 9;
    static final int PROG_GET_FD_BY_ID = 13;
    static final int MAP_GET_FD_BY_ID = 14;
    static final int OBJ_GET_INFO_BY_FD = 15;
    static final int PROG_QUERY = 16;

    public static final int MAP_TYPE_HASH = 1;
    public static final int PROG_TYPE_CGROUP_DEVICE = 15;
    public static final int ATTACH_CGROUP_DEVICE = 6;
    /** Attach flag: programs attached here and above all run, each must allow. */
    public static final int F_ALLOW_MULTI = 2;

    static final int ENOENT = 2;
    static final int E2BIG = 7;
    private static final int ATTR_SIZE = 128;
    private static final int OBJ_NAME_LEN = 16;
    private static final int LOG_SIZE = 64 * 1024;
    private static final int O_RDONLY_DIRECTORY_CLOEXEC = 0200000 | 02000000;

    /** What {@code BPF_OBJ_GET_INFO_BY_FD} tells of a program. */
    public record ProgInfo(int id, int type, String name, List<Integer> mapIds) {
    }

    /** What {@code BPF_OBJ_GET_INFO_BY_FD} tells of a map. */
    public record MapInfo(int id, int type, int keySize, int valueSize, int maxEntries) {
    }

    interface LibC extends Library {
        LibC INSTANCE = Native.load("libc.so.6", LibC.class);

        long syscall(long number, long cmd, Pointer attr, long size) throws LastErrorException;

        int open(byte[] path, int flags) throws LastErrorException;

        int close(int fd);

        String strerror(int errnum);
    }

    private Bpf() {
    }

    /** The number of the bpf system call on this machine's architecture. */
    static long syscallNumber() {
        return switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> 321;
            case "aarch64" -> 280;
            default -> throw new UnsupportedOperationException("bpf(2) on " + System.getProperty("os.arch"));
        };
    }

    /** Zero-filled native memory, freed by close. */
    private static final class Block implements AutoCloseable {
        final Pointer p;
        private final long address;

        Block(int size) {
            address = Native.malloc(size);
            if (address == 0) {
                throw new OutOfMemoryError("native " + size + " bytes");
            }
            p = new Pointer(address);
            p.setMemory(0, size, (byte) 0);
        }

        Block(byte[] data) {
            this(Math.max(data.length, 1));
            p.write(0, data, 0, data.length);
        }

        long address() {
            return address;
        }

        byte[] read(int size) {
            byte[] out = new byte[size];
            p.read(0, out, 0, size);
            return out;
        }

        @Override
        public void close() {
            Native.free(address);
        }
    }

    private static int call(int cmd, Block attr, String what) throws BpfException {
        try {
            return (int) LibC.INSTANCE.syscall(syscallNumber(), cmd, attr.p, ATTR_SIZE);
        } catch (LastErrorException e) {
            throw new BpfException(what, e.getErrorCode(), LibC.INSTANCE.strerror(e.getErrorCode()));
        }
    }

    /** A read-only descriptor of the directory {@code path} (a cgroup), to attach to and query. */
    public static int openDirectory(String path) throws BpfException {
        byte[] c = (path + "\0").getBytes(StandardCharsets.UTF_8);
        try {
            return LibC.INSTANCE.open(c, O_RDONLY_DIRECTORY_CLOEXEC);
        } catch (LastErrorException e) {
            throw new BpfException("unable to open '" + path + "'", e.getErrorCode(),
                    LibC.INSTANCE.strerror(e.getErrorCode()));
        }
    }

    public static void close(int fd) {
        if (fd >= 0) {
            LibC.INSTANCE.close(fd);
        }
    }

    private static void putName(Block attr, long offset, String name) {
        byte[] b = name.getBytes(StandardCharsets.US_ASCII);
        attr.p.write(offset, b, 0, Math.min(b.length, OBJ_NAME_LEN - 1));
    }

    private static String name(Block info, long offset) {
        byte[] b = new byte[OBJ_NAME_LEN];
        info.p.read(offset, b, 0, b.length);
        int len = 0;
        while (len < b.length && b[len] != 0) {
            len++;
        }
        return new String(b, 0, len, StandardCharsets.US_ASCII);
    }

    /** A new map; its descriptor. */
    public static int createMap(int type, int keySize, int valueSize, int maxEntries, String name)
            throws BpfException {
        try (Block attr = new Block(ATTR_SIZE)) {
            attr.p.setInt(0, type);
            attr.p.setInt(4, keySize);
            attr.p.setInt(8, valueSize);
            attr.p.setInt(12, maxEntries);
            putName(attr, 28, name);
            return call(MAP_CREATE, attr, "failed to initialize device BPF map");
        }
    }

    /** The value stored under {@code key}; null when there is none. */
    public static byte[] lookup(int mapFd, byte[] key, int valueSize) throws BpfException {
        try (Block attr = new Block(ATTR_SIZE); Block k = new Block(key); Block v = new Block(valueSize)) {
            attr.p.setInt(0, mapFd);
            attr.p.setLong(8, k.address());
            attr.p.setLong(16, v.address());
            try {
                call(MAP_LOOKUP_ELEM, attr, "failed to look up device in BPF map");
            } catch (BpfException e) {
                if (e.errno() == ENOENT) {
                    return null;
                }
                throw e;
            }
            return v.read(valueSize);
        }
    }

    /** Stores {@code value} under {@code key}, added or replaced; E2BIG when a new key finds the map full. */
    public static void update(int mapFd, byte[] key, byte[] value) throws BpfException {
        try (Block attr = new Block(ATTR_SIZE); Block k = new Block(key); Block v = new Block(value)) {
            attr.p.setInt(0, mapFd);
            attr.p.setLong(8, k.address());
            attr.p.setLong(16, v.address());
            call(MAP_UPDATE_ELEM, attr, "failed to update device in BPF cgroup map");
        }
    }

    /** Removes {@code key}; false when it was not there. */
    public static boolean delete(int mapFd, byte[] key) throws BpfException {
        try (Block attr = new Block(ATTR_SIZE); Block k = new Block(key)) {
            attr.p.setInt(0, mapFd);
            attr.p.setLong(8, k.address());
            try {
                call(MAP_DELETE_ELEM, attr, "failed to remove device from BPF cgroup map");
                return true;
            } catch (BpfException e) {
                if (e.errno() == ENOENT) {
                    return false;
                }
                throw e;
            }
        }
    }

    /** Every key of the map, in the map's order. */
    public static List<byte[]> keys(int mapFd, int keySize) throws BpfException {
        List<byte[]> out = new ArrayList<>();
        try (Block attr = new Block(ATTR_SIZE); Block k = new Block(keySize); Block next = new Block(keySize)) {
            attr.p.setInt(0, mapFd);
            attr.p.setLong(8, 0); // no key: the first one
            attr.p.setLong(16, next.address());
            while (true) {
                try {
                    call(MAP_GET_NEXT_KEY, attr, "failed to list BPF map keys");
                } catch (BpfException e) {
                    if (e.errno() == ENOENT) {
                        return out;
                    }
                    throw e;
                }
                byte[] key = next.read(keySize);
                out.add(key);
                k.p.write(0, key, 0, keySize);
                attr.p.setLong(8, k.address());
            }
        }
    }

    /** Loads a program; the kernel's verifier log is in the exception when it refuses. */
    public static int loadProgram(int type, byte[] insns, String name) throws BpfException {
        try (Block attr = new Block(ATTR_SIZE); Block code = new Block(insns);
             Block license = new Block("GPL\0".getBytes(StandardCharsets.US_ASCII)); Block log = new Block(LOG_SIZE)) {
            attr.p.setInt(0, type);
            attr.p.setInt(4, insns.length / 8);
            attr.p.setLong(8, code.address());
            attr.p.setLong(16, license.address());
            attr.p.setInt(24, 1); // log_level: keep the verifier's reasons
            attr.p.setInt(28, LOG_SIZE);
            attr.p.setLong(32, log.address());
            putName(attr, 48, name);
            try {
                return call(PROG_LOAD, attr, "failed to load cgroup BPF prog");
            } catch (BpfException e) {
                String text = log.p.getString(0, StandardCharsets.US_ASCII.name()).strip();
                throw text.isEmpty() ? e : e.withDetail(text);
            }
        }
    }

    public static void attach(int targetFd, int progFd, int attachType, int flags) throws BpfException {
        try (Block attr = new Block(ATTR_SIZE)) {
            attr.p.setInt(0, targetFd);
            attr.p.setInt(4, progFd);
            attr.p.setInt(8, attachType);
            attr.p.setInt(12, flags);
            call(PROG_ATTACH, attr, "failed to attach cgroup BPF prog");
        }
    }

    public static void detach(int targetFd, int progFd, int attachType) throws BpfException {
        try (Block attr = new Block(ATTR_SIZE)) {
            attr.p.setInt(0, targetFd);
            attr.p.setInt(4, progFd);
            attr.p.setInt(8, attachType);
            call(PROG_DETACH, attr, "failed to detach cgroup BPF prog");
        }
    }

    /** The ids of the programs attached directly to {@code targetFd} (at most {@code max}). */
    public static List<Integer> query(int targetFd, int attachType, int max) throws BpfException {
        try (Block attr = new Block(ATTR_SIZE); Block ids = new Block(Math.max(max, 1) * 4)) {
            attr.p.setInt(0, targetFd);
            attr.p.setInt(4, attachType);
            attr.p.setLong(16, max == 0 ? 0 : ids.address());
            attr.p.setInt(24, max);
            call(PROG_QUERY, attr, "unable to query cgroup BPF progs");
            int count = Math.min(attr.p.getInt(24), max);
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                out.add(ids.p.getInt(i * 4L));
            }
            return out;
        }
    }

    /** A descriptor of the loaded program {@code id}. */
    public static int programById(int id) throws BpfException {
        return byId(PROG_GET_FD_BY_ID, id, "failed to get cgroup BPF prog FD");
    }

    /** A descriptor of the map {@code id}. */
    public static int mapById(int id) throws BpfException {
        return byId(MAP_GET_FD_BY_ID, id, "failed to get cgroup BPF map FD");
    }

    private static int byId(int cmd, int id, String what) throws BpfException {
        try (Block attr = new Block(ATTR_SIZE)) {
            attr.p.setInt(0, id);
            return call(cmd, attr, what);
        }
    }

    /** The program's id, type, name and the ids of the maps it uses (at most 8 read). */
    public static ProgInfo programInfo(int progFd) throws BpfException {
        int maxMaps = 8;
        int infoLen = 80; // up to and including name[16]
        try (Block attr = new Block(ATTR_SIZE); Block info = new Block(infoLen); Block maps = new Block(maxMaps * 4)) {
            info.p.setInt(52, maxMaps);
            info.p.setLong(56, maps.address());
            attr.p.setInt(0, progFd);
            attr.p.setInt(4, infoLen);
            attr.p.setLong(8, info.address());
            call(OBJ_GET_INFO_BY_FD, attr, "failed to get cgroup BPF prog info");
            int nMaps = Math.min(info.p.getInt(52), maxMaps);
            List<Integer> mapIds = new ArrayList<>();
            for (int i = 0; i < nMaps; i++) {
                mapIds.add(maps.p.getInt(i * 4L));
            }
            return new ProgInfo(info.p.getInt(4), info.p.getInt(0), name(info, 64), mapIds);
        }
    }

    public static MapInfo mapInfo(int mapFd) throws BpfException {
        int infoLen = 40;
        try (Block attr = new Block(ATTR_SIZE); Block info = new Block(infoLen)) {
            attr.p.setInt(0, mapFd);
            attr.p.setInt(4, infoLen);
            attr.p.setLong(8, info.address());
            call(OBJ_GET_INFO_BY_FD, attr, "failed to get cgroup BPF map info");
            return new MapInfo(info.p.getInt(4), info.p.getInt(0), info.p.getInt(8), info.p.getInt(12),
                    info.p.getInt(16));
        }
    }
}
