package org.virtd.qemu.cgroup.bpf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The map's encoding of one rule, as {@link DeviceProgram} reads it: the key is
 * {@code major << 32 | minor} (u64; all ones in a half stands for "any"), the value the device
 * types (bit 0 block, bit 1 char) and the access bits shifted by 16 (mknod 1, read 2, write 4),
 * the layout of the kernel's {@code access_type}.
 */
public final class DeviceEntry {
    public static final int TYPE_BLOCK = 1;
    public static final int TYPE_CHAR = 2;
    public static final int ACCESS_MKNOD = 1;
    public static final int ACCESS_READ = 2;
    public static final int ACCESS_WRITE = 4;
    static final int KEY_SIZE = 8;
    static final int VALUE_SIZE = 4;
    private static final long ANY = 0xffffffffL;

    private DeviceEntry() {
    }

    /** The key of {@code major:minor}; a negative number stands for any. */
    public static long key(long major, long minor) {
        return ((major < 0 ? ANY : major & ANY) << 32) | (minor < 0 ? ANY : minor & ANY);
    }

    /** The value for device type {@code 'b'}, {@code 'c'} or {@code 'a'} (both) and access letters of "rwm". */
    public static int value(char type, String access) {
        int types = switch (type) {
            case 'b' -> TYPE_BLOCK;
            case 'c' -> TYPE_CHAR;
            case 'a' -> TYPE_BLOCK | TYPE_CHAR;
            default -> throw new IllegalArgumentException("device type " + type);
        };
        return (accessBits(access) << 16) | types;
    }

    /** The access bits of the letters in {@code access}. */
    public static int accessBits(String access) {
        int bits = 0;
        for (char ch : access.toCharArray()) {
            bits |= switch (ch) {
                case 'r' -> ACCESS_READ;
                case 'w' -> ACCESS_WRITE;
                case 'm' -> ACCESS_MKNOD;
                default -> throw new IllegalArgumentException("device access " + access);
            };
        }
        return bits;
    }

    /** {@code value} with the access bits of {@code denied} taken away; 0 when none is left. */
    public static int without(int value, int denied) {
        int left = (value >>> 16) & ~denied;
        return left == 0 ? 0 : (left << 16) | (value & 0xffff);
    }

    static byte[] keyBytes(long key) {
        return ByteBuffer.allocate(KEY_SIZE).order(ByteOrder.nativeOrder()).putLong(key).array();
    }

    static byte[] valueBytes(int value) {
        return ByteBuffer.allocate(VALUE_SIZE).order(ByteOrder.nativeOrder()).putInt(value).array();
    }

    static long keyOf(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()).getLong();
    }

    static int valueOf(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()).getInt();
    }
}
