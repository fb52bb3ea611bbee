package org.virtd.qemu.cpu;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The host CPU as the CPUID instruction describes it, read through the kernel's
 * {@code /dev/cpu/0/cpuid} (file offset = leaf | subleaf << 32, 16 bytes eax ebx ecx edx) and,
 * when the CPU has IA32_ARCH_CAPABILITIES, {@code /dev/cpu/0/msr}: the bits of every cpu_map
 * feature the CPU has, its vendor and its family/model. Empty when the device is not there.
 */
public final class HostCpuid {
    public static final Path DEVICE = Path.of("/dev/cpu/0/cpuid");
    private static final Path MSR = Path.of("/dev/cpu/0/msr");

    private final Map<String, long[]> leaves = new HashMap<>();
    private final RandomAccessFile dev;
    private final long maxBasic;
    private final long maxExtended;

    private HostCpuid(RandomAccessFile dev) throws IOException {
        this.dev = dev;
        this.maxBasic = raw(0, 0)[0];
        this.maxExtended = raw(0x80000000L, 0)[0];
    }

    public static Optional<X86Decoder.CpuData> read(CpuMap map) {
        if (!Files.exists(DEVICE)) {
            return Optional.empty();
        }
        try (RandomAccessFile f = new RandomAccessFile(DEVICE.toFile(), "r")) {
            return Optional.of(new HostCpuid(f).data(map));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private X86Decoder.CpuData data(CpuMap map) throws IOException {
        CpuBits bits = CpuBits.empty();
        for (X86Feature f : map.features()) {
            boolean all = true;
            for (String key : f.bits().view()) {
                if (!has(key)) {
                    all = false;
                    break;
                }
            }
            if (all && !f.bits().isEmpty()) {
                bits.add(f.bits());
            }
        }
        long[] l0 = leaf(0, 0);
        String vendorString = new String(le(l0[1], l0[3], l0[2]), StandardCharsets.US_ASCII);
        long eax = leaf(1, 0)[0];
        int family = (int) (((eax >> 20) & 0xff) + ((eax >> 8) & 0xf));
        int model = (int) (((eax >> 12) & 0xf0) + ((eax >> 4) & 0xf));
        return new X86Decoder.CpuData(bits, map.vendorOfString(vendorString).orElse(null), family, model);
    }

    /** Whether the bit a cpu_map key names is set on this CPU. */
    private boolean has(String key) throws IOException {
        String[] p = key.split(":");
        if (p[0].equals("cpuid")) {
            long[] r = leaf(Long.parseLong(p[1]), Long.parseLong(p[2]));
            int reg = switch (p[3]) {
                case "eax" -> 0;
                case "ebx" -> 1;
                case "ecx" -> 2;
                default -> 3;
            };
            return (r[reg] & (1L << Integer.parseInt(p[4]))) != 0;
        }
        long msr = msr(Long.parseLong(p[1]));
        int shift = p[2].equals("edx") ? 32 : 0;
        return (msr & (1L << (shift + Integer.parseInt(p[3])))) != 0;
    }

    private long[] leaf(long leaf, long sub) throws IOException {
        boolean valid = leaf < 0x80000000L ? leaf <= maxBasic : leaf <= maxExtended;
        if (!valid) {
            return new long[4];
        }
        return leaves.computeIfAbsent(leaf + ":" + sub, k -> {
            try {
                return raw(leaf, sub);
            } catch (IOException e) {
                return new long[4];
            }
        });
    }

    private long[] raw(long leaf, long sub) throws IOException {
        byte[] b = new byte[16];
        dev.seek(leaf | (sub << 32));
        dev.readFully(b);
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return new long[] {bb.getInt() & 0xffffffffL, bb.getInt() & 0xffffffffL, bb.getInt() & 0xffffffffL,
            bb.getInt() & 0xffffffffL};
    }

    private final Map<Long, Long> msrs = new HashMap<>();

    private long msr(long index) {
        return msrs.computeIfAbsent(index, i -> {
            try (RandomAccessFile f = new RandomAccessFile(MSR.toFile(), "r")) {
                byte[] b = new byte[8];
                f.seek(i);
                f.readFully(b);
                return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
            } catch (IOException | RuntimeException e) {
                return 0L;
            }
        });
    }

    private static byte[] le(long... regs) {
        ByteBuffer bb = ByteBuffer.allocate(4 * regs.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long r : regs) {
            bb.putInt((int) r);
        }
        return bb.array();
    }
}
